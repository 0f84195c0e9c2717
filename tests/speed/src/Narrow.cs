class Narrow
{
    const int LegacyMarker = 1;
    void A() { Configure(LegacyMarker); }
    void B() { Configure(2); }
}
