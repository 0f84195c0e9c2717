using System.Net;
using System.Net.Security;
using System.Security.Authentication;

namespace Billing
{
    public static class Transport
    {
        public static void Configure()
        {
            ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12;
            ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12;
            System.Net.ServicePointManager.SecurityProtocol = System.Net.SecurityProtocolType.Tls12;
        }

        public static void Connect(SslStream stream, string host)
        {
            stream.AuthenticateAsClient(host, null, SslProtocols.None, false);
        }
    }
}
