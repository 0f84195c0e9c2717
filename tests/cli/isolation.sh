#!/usr/bin/env bash
# isolation.sh: nothing a scanned file holds ends the scan. libclang runs in parser processes
# (analyzer/lang/c/c_server.h): a file that crashes it (5,000 nested '!' or '*' overflow its
# recursive parser) or outlasts --timeout costs that file's AST pass only: the file is named
# in a notification with the reason, the token fallback's findings for it are kept, the next
# file gets a new parser process, and audits go on. Without libclang, the token fallback
# still reads every C file. Deeply nested input for every tree-sitter language and the .reg
# reader finishes with a valid log.
. "$(dirname "$0")/lib.sh"

T="$WORK/tree"
mkdir -p "$T/src"
bangs=$(head -c 5000 /dev/zero | tr '\0' '!')
stars=$(head -c 5000 /dev/zero | tr '\0' '*')
printf '#include <openssl/ssl.h>\nint a(void) {\n  SSL_CTX *c = SSL_CTX_new(TLSv1_method());\n  return %s1;\n}\n' "$bangs" > "$T/src/a_bang.c"
printf '#include <openssl/ssl.h>\nvoid b(SSL_CTX *c) { SSL_CTX_new(TLSv1_1_method()); }\n' > "$T/src/b_ok.c"
printf '#include <openssl/ssl.h>\nint c(SSL_CTX *ctx, int *p) {\n  SSL_CTX_set_min_proto_version(ctx, TLS1_VERSION);\n  return %sp;\n}\n' "$stars" > "$T/src/c_star.cpp"
printf '#include <openssl/ssl.h>\nvoid d(void) { SSL_CTX_new(SSLv3_method()); }\n' > "$T/src/d_ok.c"
printf 'using System.Net;\nclass E { void M() {\n  ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls;\n} }\n' > "$T/src/E.cs"

results() { jq -r '.runs[0].results[] | "\(.ruleId) \(.locations[0].physicalLocation.artifactLocation.uri):\(.locations[0].physicalLocation.region.startLine):\(.locations[0].physicalLocation.region.startColumn)"' "$1"; }
notes() { jq -r '.runs[0].invocations[0].toolExecutionNotifications[]? | "\(.level) \(.message.text)"' "$1"; }
# same NAME WANT_FILE GOT_FILE: the two files are equal.
same() { if diff -u "$2" "$3" >&2; then pass; else fail "$1"; fi; }

cat > "$WORK/want-results.txt" <<EOF2
LT-CS-001 src/E.cs:3:42
LT-C-001 src/a_bang.c:3:28
LT-C-001 src/b_ok.c:2:34
LT-C-002 src/c_star.cpp:3:38
LT-C-001 src/d_ok.c:2:28
EOF2
crash="libclang crashed while parsing the file (the parser process was killed by signal 11, SIGSEGV); only the token fallback read it"
cat > "$WORK/want-notes.txt" <<EOF2
warning $T/src/a_bang.c: $crash
warning $T/src/c_star.cpp: $crash
EOF2

# One thread, so the files after each crash go to the parser process that replaced it.
for jobs in 1 2; do
  expect_status 1 "scan with libclang crashes (-j $jobs)" timeout 120 env "TLSLINT_ISOLATION_MARK=$WORK" "$TLSLINT" scan -j "$jobs" -f sarif -o "$WORK/crash-$jobs.sarif" "$T"
  check "the log is valid JSON (-j $jobs)" jq -e . "$WORK/crash-$jobs.sarif"
  results "$WORK/crash-$jobs.sarif" > "$WORK/got-results.txt"
  same "every finding, the crashed files' from the token fallback (-j $jobs)" "$WORK/want-results.txt" "$WORK/got-results.txt"
  notes "$WORK/crash-$jobs.sarif" > "$WORK/got-notes.txt"
  same "each crashed file named with the reason (-j $jobs)" "$WORK/want-notes.txt" "$WORK/got-notes.txt"
  check "execution still successful (-j $jobs)" jq -e '.runs[0].invocations[0].executionSuccessful == true' "$WORK/crash-$jobs.sarif"
done
# No parser process is left behind (they carry the scan's environment).
check "no parser process outlives the scan" bash -c "! grep -lsa 'TLSLINT_ISOLATION_MARK=$WORK' /proc/[0-9]*/environ"

# A parse that outlasts --timeout: the parser process is killed, the token pass still reads it.
{ printf '#include <openssl/ssl.h>\nvoid f(void) { SSL_CTX_new(TLSv1_method()); }\n'
  for i in $(seq 1 4000); do printf 'static int v%d(int x) { return x * %d + (x >> 3) - (x & 7); }\n' "$i" "$i"; done; } > "$WORK/slow.c"
mkdir -p "$WORK/slow" && mv "$WORK/slow.c" "$WORK/slow/"
expect_status 1 "scan of a file libclang cannot parse within 1 ms" timeout 120 "$TLSLINT" scan --timeout 1 -f sarif -o "$WORK/slow.sarif" "$WORK/slow"
results "$WORK/slow.sarif" > "$WORK/got-results.txt"
echo "LT-C-001 slow.c:2:28" > "$WORK/want-results.txt"
same "the slow file's finding from the token fallback" "$WORK/want-results.txt" "$WORK/got-results.txt"
notes "$WORK/slow.sarif" > "$WORK/got-notes.txt"
echo "warning $WORK/slow/slow.c: libclang did not finish parsing the file within the 1 ms limit (--timeout); only the token fallback read it" > "$WORK/want-notes.txt"
same "the slow file named with the limit" "$WORK/want-notes.txt" "$WORK/got-notes.txt"

# Without libclang the token fallback (our own tokenizer) still finds the calls.
mkdir -p "$WORK/nolib" && cp "$T/src/b_ok.c" "$T/src/d_ok.c" "$WORK/nolib/"
expect_status 1 "scan without libclang" env TLSLINT_LIBCLANG=/nonexistent/libclang.so "$TLSLINT" scan -f sarif -o "$WORK/nolib.sarif" "$WORK/nolib"
results "$WORK/nolib.sarif" > "$WORK/got-results.txt"
printf 'LT-C-001 b_ok.c:2:34\nLT-C-001 d_ok.c:2:28\n' > "$WORK/want-results.txt"
same "findings without libclang" "$WORK/want-results.txt" "$WORK/got-results.txt"
notes "$WORK/nolib.sarif" > "$WORK/got-notes.txt"
nolib="libclang could not be loaded (/nonexistent/libclang.so: cannot open shared object file: No such file or directory); install libclang (Debian: libclang1-14) or set TLSLINT_LIBCLANG to its path; only the token fallback read it"
printf 'warning %s: %s\nwarning %s: %s\n' "$WORK/nolib/b_ok.c" "$nolib" "$WORK/nolib/d_ok.c" "$nolib" > "$WORK/want-notes.txt"
same "each file without libclang named" "$WORK/want-notes.txt" "$WORK/got-notes.txt"

# An audit: the repository with the crashing files is still audited, and so is the next.
mkdir -p "$WORK/repos"
cp -r "$T" "$WORK/repos/hostile"
mkdir -p "$WORK/repos/plain" && cp "$T/src/E.cs" "$WORK/repos/plain/"
for r in hostile plain; do
  git -C "$WORK/repos/$r" init -q -b main && git -C "$WORK/repos/$r" add -A &&
    git -C "$WORK/repos/$r" -c user.name=t -c user.email=t@example.com commit -q -m init
done
printf '%s\n%s\n' "$WORK/repos/hostile" "$WORK/repos/plain" > "$WORK/list.txt"
expect_status 1 "audit with libclang crashes" timeout 120 "$TLSLINT" audit -j 1 -o "$WORK/audit" "$WORK/list.txt"
hostile=$(ls "$WORK"/audit/repos/*hostile*.sarif)
plain=$(ls "$WORK"/audit/repos/*plain*.sarif)
check "the hostile repository's log keeps its 5 findings" test "$(jq '.runs[0].results | length' "$hostile")" -eq 5
check "the hostile repository's log names both crashes" test "$(notes "$hostile" | grep -c 'libclang crashed while parsing the file')" -eq 2
check "the next repository is audited" test "$(jq '.runs[0].results | length' "$plain")" -eq 1

# Deep nesting for each tree-sitter language, the XML front end and the .reg reader: the scan
# ends and writes a valid log; none of it may crash. XML nests 300 deep only: the XML
# grammar's external scanner copies its tag stack at every token (quadratic in the depth), so
# deeper files end at --timeout, which is what bounds them.
N="$WORK/nested"
mkdir -p "$N"
open20k=$(head -c 20000 /dev/zero | tr '\0' '(')
close20k=$(head -c 20000 /dev/zero | tr '\0' ')')
printf 'class C { void M() { ServicePointManager.SecurityProtocol = %sSecurityProtocolType.Tls%s; } }\n' "$open20k" "$close20k" > "$N/Deep.cs"
printf 'class C { void M() { var x = %strue;\n  ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls11; } }\n' "$bangs$bangs$bangs$bangs" > "$N/Bang.cs"
printf 'import ssl\nx = %sssl.PROTOCOL_TLSv1%s\nssl.SSLContext(x)\n' "$open20k" "$close20k" > "$N/deep.py"
printf 'import ssl\nctx = ssl.SSLContext(%sssl.PROTOCOL_TLSv1)\n' "$(head -c 20000 /dev/zero | tr '\0' '-')" > "$N/neg.py"
printf '[Net.ServicePointManager]::SecurityProtocol = %s[Net.SecurityProtocolType]::Tls%s\n' "$open20k" "$close20k" > "$N/deep.ps1"
{ printf '<configuration>'; for i in $(seq 1 300); do printf '<a>'; done
  printf '<add key="Switch.System.Net.DontEnableSystemDefaultTlsVersions" value="true"/>'
  for i in $(seq 1 300); do printf '</a>'; done; printf '</configuration>\n'; } > "$N/app.config"
{ printf '<Project><PropertyGroup>'; for i in $(seq 1 300); do printf '<a>'; done
  printf '<TargetFrameworkVersion>v4.5</TargetFrameworkVersion>'
  for i in $(seq 1 300); do printf '</a>'; done; printf '</PropertyGroup></Project>\n'; } > "$N/Deep.csproj"
{ printf '{"Kestrel": '; for i in $(seq 1 20000); do printf '{"a":'; done; printf '"Tls"'
  head -c 20000 /dev/zero | tr '\0' '}'; printf '}\n'; } > "$N/appsettings.json"
{ printf 'Windows Registry Editor Version 5.00\n\n[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.0\\Client]\n"Enabled"=dword:00000001'
  for i in $(seq 1 20000); do printf '\\\n'; done; printf '\n'; } > "$N/deep.reg"
expect_status 1 "scan of deeply nested files" timeout 300 "$TLSLINT" scan --max-file-size 10M -f sarif -o "$WORK/nested.sarif" "$N"
check "the nested scan's log is valid JSON" jq -e . "$WORK/nested.sarif"
check "the nested scan's execution is successful" jq -e '.runs[0].invocations[0].executionSuccessful == true' "$WORK/nested.sarif"
notes "$WORK/nested.sarif" > "$WORK/got-notes.txt"
: > "$WORK/empty.txt"
same "every nested file analysed (no notification)" "$WORK/empty.txt" "$WORK/got-notes.txt"
results "$WORK/nested.sarif" > "$WORK/got-results.txt"
printf 'LT-CS-001 Bang.cs:2:42\nLT-REG-001 deep.reg:4:1\n' > "$WORK/want-results.txt"
same "the nested files' findings" "$WORK/want-results.txt" "$WORK/got-results.txt"
finish
