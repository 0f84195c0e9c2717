#!/usr/bin/env bash
# gen_tree.sh DIR [FILES] [MIX]: writes a deterministic synthetic repository of FILES files
# (default 20000) for benchmarks. MIX picks the languages: "all" (default: C#, Python, C,
# PowerShell, MSBuild and config files), "csharp", "python" or "c". About 1 file in 50 holds a
# legacy TLS setting; the rest is ordinary code that mentions TLS-ish words now and then, as
# real code does.
set -euo pipefail
dir=${1:?usage: gen_tree.sh DIR [FILES] [MIX]}
files=${2:-20000}
mix=${3:-all}
mkdir -p "$dir"
awk -v dir="$dir" -v files="$files" -v mix="$mix" '
function cs(i, legacy,   s, k) {
  s = "using System;\nusing System.Net;\nusing System.Collections.Generic;\n\nnamespace Bench.Module" int(i / 100) "\n{\n    public class Service" i "\n    {\n"
  for (k = 0; k < 40; k++)
    s = s "        public int Compute" k "(int value) { var list = new List<int> { value, " k " }; return list.Count * value + " k "; }\n"
  if (legacy) s = s "        public void Configure() { ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls | SecurityProtocolType.Tls11; }\n"
  else if (i % 7 == 0) s = s "        // Uses the operating system default TLS settings (SecurityProtocol untouched).\n"
  return s "    }\n}\n"
}
function py(i, legacy,   s, k) {
  s = "\"\"\"Module " i " of the benchmark tree.\"\"\"\nimport json\nimport os\nimport ssl\n\n"
  for (k = 0; k < 40; k++)
    s = s "def handler_" k "(payload):\n    data = json.loads(payload)\n    return {\"id\": " k ", \"size\": len(data), \"env\": os.getenv(\"HOME\")}\n\n"
  if (legacy) s = s "def connect():\n    return ssl.SSLContext(ssl.PROTOCOL_TLSv1)\n"
  else s = s "def connect():\n    return ssl.create_default_context()\n"
  return s
}
function c(i, legacy,   s, k) {
  s = "#include <stdio.h>\n#include <string.h>\n#include <openssl/ssl.h>\n\n"
  for (k = 0; k < 40; k++)
    s = s "static int step_" k "(const char *buf, size_t len)\n{\n\treturn (int)(len + strlen(buf)) * " k ";\n}\n\n"
  if (legacy) s = s "SSL_CTX *make_ctx(void)\n{\n\treturn SSL_CTX_new(TLSv1_method());\n}\n"
  return s
}
function csproj(i, legacy) {
  return "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>" (legacy ? "net452" : "net8.0") "</TargetFramework>\n  </PropertyGroup>\n</Project>\n"
}
function ps(i, legacy) {
  return "param([string]$Name)\nWrite-Host \"Deploying $Name\"\n" (legacy ? "[Net.ServicePointManager]::SecurityProtocol = \"Tls,Tls11\"\n" : "Get-ChildItem -Path . | Out-Null\n")
}
BEGIN {
  srand(42)
  for (i = 0; i < files; i++) {
    legacy = (i % 50 == 7)
    sub_ = dir "/pkg" int(i / 200) "/mod" int(i / 20)
    r = i % 20
    kind = mix
    if (mix == "all") kind = (r < 8) ? "csharp" : (r < 13) ? "python" : (r < 18) ? "c" : (r < 19) ? "ps" : "csproj"
    if (kind == "csharp") { f = sub_ "/Service" i ".cs"; body = cs(i, legacy) }
    else if (kind == "python") { f = sub_ "/module_" i ".py"; body = py(i, legacy) }
    else if (kind == "c") { f = sub_ "/unit_" i ".c"; body = c(i, legacy) }
    else if (kind == "ps") { f = sub_ "/deploy_" i ".ps1"; body = ps(i, legacy) }
    else { f = sub_ "/Project" i ".csproj"; body = csproj(i, legacy) }
    if (!(sub_ in made)) { system("mkdir -p \"" sub_ "\""); made[sub_] = 1 }
    printf "%s", body > f
    close(f)
  }
}'
