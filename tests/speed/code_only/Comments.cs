// Names ServicePointManager.SecurityProtocol and SslProtocols only in comments and strings:
// LT-CS-001..006 say `keywords-in: code`, so the file is not parsed.
class Notes
{
    /* SecurityProtocolType.Tls used to be set here. */
    const string Hint = "set ServicePointManager.SecurityProtocol in app.config";
    const string Path = @"HKLM\SOFTWARE\SslProtocols"" and SetValue";
    char quote = '"'; // SecurityProtocol after a quote character
}
