class Settings
{
    void Save(Microsoft.Win32.RegistryKey k) { k.SetValue("Theme", "dark"); }
}
