/* dotnet_target.h: .NET target frameworks as project files and configuration spell them.
 *
 * MSBuild writes `v4.6.2` (TargetFrameworkVersion) or a moniker such as `net462`, `net48`,
 * `netcoreapp3.1`, `net8.0-windows` or `netstandard2.0` (TargetFramework(s)); configuration
 * files write `4.5.2` (httpRuntime, compilation), `net452` (packages.config) or
 * `.NETFramework,Version=v4.5.2` (supportedRuntime sku). All of them parse to one value. */
#ifndef TLSLINT_DOTNET_TARGET_H
#define TLSLINT_DOTNET_TARGET_H

#include <stdbool.h>
#include <stddef.h>

#include "core/versions.h"

typedef enum dotnet_family {
	DOTNET_UNKNOWN = 0,
	DOTNET_FRAMEWORK, /* .NET Framework 1.0 .. 4.8.1 */
	DOTNET_CORE,      /* .NET Core, .NET 5 and later: the OS default always applies */
	DOTNET_STANDARD,  /* a library that may run on either */
} dotnet_family;

typedef struct dotnet_target {
	dotnet_family family;
	unsigned version; /* major*100 + minor*10 + patch: 4.6.2 is 462, 3.5 is 350 */
} dotnet_target;

/* .NET Framework 4.7 is the first to defer to the operating system's protocol defaults. */
#define DOTNET_SYSTEM_DEFAULT_FROM 470
/* Up to 4.5.2 the defaults are SSL 3.0 and TLS 1.0; 4.6 added TLS 1.1 and 1.2. */
#define DOTNET_LAST_SSL3_DEFAULT 452
/* Below 4.6 strong cryptography (SchUseStrongCrypto) is off by default as well. */
#define DOTNET_STRONG_CRYPTO_FROM 460

/* Parses a moniker (`net462`, `netcoreapp3.1`, `net8.0-windows`, `netstandard2.0`). */
bool dotnet_target_parse_moniker(const char *s, size_t len, dotnet_target *out);
/* Parses a .NET Framework version with or without `v` (`v4.6.2`, `4.5.2`, `v2.0`). */
bool dotnet_target_parse_version(const char *s, size_t len, dotnet_target *out);
/* Parses a supportedRuntime sku (`.NETFramework,Version=v4.5.2[,Profile=Client]`). */
bool dotnet_target_parse_sku(const char *s, size_t len, dotnet_target *out);

/* True for a .NET Framework below 4.7 (no SystemDefault). */
bool dotnet_target_is_legacy(const dotnet_target *t);
/* The protocol versions a legacy target offers by default that are themselves legacy. */
version_set dotnet_target_default_legacy(const dotnet_target *t);
/* Writes ".NET Framework 4.6.2" into `out`. */
void dotnet_target_describe(const dotnet_target *t, char *out, size_t outlen);

#endif
