using System.Net;
using System.Net.Security;
using System.Security.Authentication;

namespace Billing
{
    public static class Transport
    {
        public static void Configure()
        {
            ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls | SecurityProtocolType.Tls11 | SecurityProtocolType.Tls12;
            ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls11;
            System.Net.ServicePointManager.SecurityProtocol = System.Net.SecurityProtocolType.Ssl3;
        }

        public static void Connect(SslStream stream, string host)
        {
            stream.AuthenticateAsClient(host, null, SslProtocols.Tls | SslProtocols.Tls11, false);
        }
    }
}
