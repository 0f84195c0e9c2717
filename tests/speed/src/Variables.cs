using System.Net;
class A
{
    static readonly SecurityProtocolType Legacy = SecurityProtocolType.Tls;
    void Run(Client c)
    {
        var p = SecurityProtocolType.Tls11;
        c.Configure(p);
        c.Configure(Legacy);
        c.Protocol = Legacy;
        Helper(Legacy);
    }
}
