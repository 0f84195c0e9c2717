using System.Net;

namespace Payments
{
    public static class Client
    {
        static Client()
        {
            ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls | SecurityProtocolType.Tls11 | SecurityProtocolType.Tls12;
            ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls11; // the old gateway
            System.Net.ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls11 | (SecurityProtocolType)3072;
        }

        public static void Reset(bool legacy)
        {
            if (legacy)
                ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls;
        }

        public static void Numbers()
        {
            ServicePointManager.SecurityProtocol = (SecurityProtocolType)3072 | (SecurityProtocolType)768;
            ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13;
        }
    }
}
