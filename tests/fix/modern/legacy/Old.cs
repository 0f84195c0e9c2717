using System.Net;

namespace Payments.Legacy
{
    public static class Old
    {
        public static void Configure()
        {
            ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls | SecurityProtocolType.Tls12;
            ServicePointManager.SecurityProtocol = (SecurityProtocolType)(192 | 768 | 3072);
        }
    }
}
