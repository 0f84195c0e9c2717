namespace Contoso
{
    // No keyword of any C# rule: never parsed.
    public static class Clock { public static int Ticks() => 42; }
}
