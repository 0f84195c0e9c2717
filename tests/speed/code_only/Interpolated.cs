// An interpolated string's holes are code: this file is parsed.
class Log
{
    string Describe() => $"protocols: {System.Net.ServicePointManager.SecurityProtocol}";
}
