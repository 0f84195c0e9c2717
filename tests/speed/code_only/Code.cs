// Reads the setting in code: parsed (and no finding: a read is no write).
class Reader
{
    object Current() => System.Net.ServicePointManager.SecurityProtocol;
}
