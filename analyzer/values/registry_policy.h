/* registry_policy.h: which legacy protocol versions a Windows registry write turns back on.
 *
 * The knowledge of LT-REG-001/002/003 in one place, for every rule that sees a registry write
 * (PowerShell Set-ItemProperty and `reg add`, C# Registry.SetValue, ...):
 *   - SCHANNEL `Protocols\{SSL 2.0,SSL 3.0,TLS 1.0,TLS 1.1}\{Client,Server}`: `Enabled` non-zero
 *     or `DisabledByDefault` = 0 enables that version;
 *   - `.NETFramework\v2.0.50727` / `v4.0.30319` (also under Wow6432Node): `SchUseStrongCrypto`
 *     = 0 or `SystemDefaultTlsVersions` = 0 keeps the framework's own SSL 3.0 + TLS 1.0 default;
 *   - WinHTTP `DefaultSecureProtocols` and Internet Settings `SecureProtocols`: the SSL 2.0
 *     (0x8), SSL 3.0 (0x20), TLS 1.0 (0x80) and TLS 1.1 (0x200) bits.
 * Key paths may use any hive spelling (HKLM:\, HKEY_LOCAL_MACHINE\, Registry::...); names and
 * components compare case-insensitively, as the registry does. */
#ifndef TLSLINT_REGISTRY_POLICY_H
#define TLSLINT_REGISTRY_POLICY_H

#include <stddef.h>

#include "core/versions.h"

/* The registry settings the catalogue knows (one rule each for .reg files). */
typedef enum registry_setting {
	REGISTRY_OTHER = 0,
	REGISTRY_SCHANNEL,         /* SCHANNEL protocol Enabled / DisabledByDefault (LT-REG-001) */
	REGISTRY_NETFX,            /* .NET SchUseStrongCrypto / SystemDefaultTlsVersions (LT-REG-002) */
	REGISTRY_SECURE_PROTOCOLS, /* WinHTTP / WinINet protocol masks (LT-REG-003) */
} registry_setting;

/* Which setting a write of `data` to value `name` under key `key` is, and in `*enabled` the
 * legacy versions it enables (0 when it enables none, e.g. an opt-in or a hardening value). */
registry_setting registry_policy_classify(const char *key, size_t keylen, const char *name,
					  size_t namelen, long long data, version_set *enabled);

/* The legacy versions that writing `data` to value `name` under key `key` enables; 0 when the
 * write is not one of the above (or turns legacy versions off). */
version_set registry_policy_versions(const char *key, size_t keylen, const char *name,
				     size_t namelen, long long data);

/* A write whose key cannot be known (a function that receives the path): the value names
 * `SchUseStrongCrypto` and `SystemDefaultTlsVersions` belong to the .NET Framework alone, so
 * `data` = 0 keeps its SSL 3.0 + TLS 1.0 default wherever the key is. 0 for any other write. */
version_set registry_policy_versions_any_key(const char *name, size_t namelen, long long data);

#endif
