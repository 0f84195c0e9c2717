// AppContext switches that are not about TLS: LT-CS-004's second keyword group (the words
// its switch names start with) is not here, so the file is read but not parsed.
internal static class PathSupport
{
    internal static void Enable()
    {
        System.AppContext.SetSwitch("Switch.System.IO.UseLegacyPathHandling", false);
        System.AppContext.SetSwitch("Switch.System.IO.BlockLongPaths", false);
    }
}
