using System.Net;
using System.Security.Authentication;

static class Kept
{
    const SslProtocols Legacy = SslProtocols.Tls11;

    static void Configure(SecurityProtocolType extra)
    {
        var allowed = new[] { SslProtocols.Tls, SslProtocols.Tls12 };
        ServicePointManager.SecurityProtocol = (SecurityProtocolType)768 | SecurityProtocolType.Tls;
    }
}
