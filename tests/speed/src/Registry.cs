class Setup
{
    const string Key = @"HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\Schannel\Protocols";
    void Run(Microsoft.Win32.RegistryKey k) { k.SetValue("Enabled", 1); }
}
