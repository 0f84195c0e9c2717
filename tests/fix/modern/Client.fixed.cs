using System.Net;

namespace Payments
{
    public static class Client
    {
        static Client()
        {
        }

        public static void Reset(bool legacy)
        {
            if (legacy)
                ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12;
        }

        public static void Numbers()
        {
        }
    }
}
