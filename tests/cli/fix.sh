#!/usr/bin/env bash
# fix.sh TLSLINT: `tlslint fix` on tests/fix/cases (each <name>.<ext> beside the text its fixes
# must give, <name>.fixed.<ext>; *.reg.txt are written as UTF-16LE .reg files with a byte order
# mark and CRLF, as regedit exports them) and tests/fix/nofix (findings without a safe fix).
. "$(dirname "$0")/lib.sh"
TLSLINT=$(realpath "$TLSLINT")

# tree DIR: a copy of the cases without the expected texts; the expected ones in DIR.expected.
tree() {
  rm -rf "$1" "$1.expected"
  cp -r "$ROOT/tests/fix/cases" "$1"
  find "$1" -name '*.reg.txt' | while read -r t; do
    (printf '\xff\xfe'; sed 's/$/\r/' "$t" | iconv -f UTF-8 -t UTF-16LE) > "${t%.txt}"
    rm "$t"
  done
  (cd "$1" && find . -name '*.fixed.*' | while read -r f; do
    mkdir -p "$1.expected/$(dirname "$f")"
    mv "$f" "$1.expected/${f/.fixed./.}"
  done)
}

T=$WORK/tree
tree "$T"
cp -r "$T" "$WORK/pristine"

# The scan's SARIF carries the fixes: one per fixable finding, with byte offsets of the file's
# own bytes (the UTF-16 file counts two bytes a unit after its BOM: 2 + 2 * (38 + 2 + 107 + 10)
# for line 4's data, 2 + 2 * (38 + 2 + 107 + 26 + 20) for line 5's).
"$TLSLINT" scan --fail-on none -f sarif -o "$WORK/before.sarif" "$T"
check "71 findings, each with a fix" jq -e '[.runs[0].results[] | select((.fixes | length) == 1)] | length == 71' "$WORK/before.sarif"
check "and none without" jq -e '[.runs[0].results[] | select((.fixes | length) != 1)] | length == 0' "$WORK/before.sarif"
check "UTF-16 replacement at its byte offset" jq -e '[.runs[0].results[] | select(.ruleId == "LT-REG-001") | .fixes[0].artifactChanges[0].replacements[0].deletedRegion | [.startLine, .startColumn, .byteOffset, .byteLength]] == [[4, 11, 316, 28], [5, 21, 388, 28]]' "$WORK/before.sarif"
check "python replacement" jq -e '[.runs[0].results[] | select(.ruleId == "LT-PY-001") | .fixes[0].artifactChanges[0].replacements[0] | [.deletedRegion.startLine, .deletedRegion.startColumn, .deletedRegion.endColumn, .insertedContent.text]][0] == [10, 34, 48, "PROTOCOL_TLS_CLIENT"]' "$WORK/before.sarif"
check "the check_hostname caveat" jq -e '[.runs[0].results[] | select(.ruleId == "LT-PY-001") | .fixes[0] | select(.artifactChanges[0].replacements[0].insertedContent.text == "PROTOCOL_TLS_CLIENT") | .description.text | test("check_hostname")] | (length == 2 and all)' "$WORK/before.sarif"
# The message says so too where the fix turns the checks on (the context sets neither), and
# not where the code sets check_hostname and verify_mode itself (clients.py line 17).
check "the caveat in the message" jq -e '[.runs[0].results[] | select(.ruleId == "LT-PY-001" and .locations[0].physicalLocation.artifactLocation.uri == "python/clients.py") | [.locations[0].physicalLocation.region.startLine, (.message.text | test("Caveat: PROTOCOL_TLS_CLIENT also turns on certificate verification and check_hostname"))]] == [[10, true], [17, false], [27, false]]' "$WORK/before.sarif"
# A context that serves (server_side=True, a server's API, pyOpenSSL's set_accept_state) gets
# the server's protocol: PROTOCOL_TLS_CLIENT would raise ValueError there.
check "server contexts get PROTOCOL_TLS_SERVER" jq -e '[.runs[0].results[] | select(.ruleId == "LT-PY-001" and .locations[0].physicalLocation.artifactLocation.uri == "python/servers.py") | .fixes[0].artifactChanges[0].replacements[0].insertedContent.text] == ["PROTOCOL_TLS_SERVER", "PROTOCOL_TLS_SERVER", "PROTOCOL_TLS_SERVER", "PROTOCOL_TLS_SERVER", "PROTOCOL_TLS_SERVER", "TLS_SERVER_METHOD"]' "$WORK/before.sarif"

# --dry-run: a diff that applies with patch, exit 1 (fixes pending), nothing written.
expect_status 1 "fix --dry-run exits 1" "$TLSLINT" fix --dry-run "$T"
cp "$WORK/out" "$WORK/diff"
check "dry run writes nothing" diff -r "$WORK/pristine" "$T"
expect_grep "diff names the file" "+++ b/python/clients.py" "$WORK/diff"
expect_grep "diff removes" "-    context = ssl.SSLContext(ssl.PROTOCOL_TLSv1)" "$WORK/diff"
expect_grep "diff adds" "+	ssl_protocols TLSv1.2 TLSv1.3;" "$WORK/diff"
expect_grep "Apache: the continued directive is one line" "+    SSLProxyProtocol -all +TLSv1.2 +TLSv1.3" "$WORK/diff"
expect_grep "Bicep: the literal in place, quotes kept" "+    minimumTlsVersion: 'TLS1_2'" "$WORK/diff"
expect_grep "Kubernetes: a quoted list" '+  ssl-protocols: "TLSv1.2 TLSv1.3"' "$WORK/diff"
expect_grep "PowerShell: Tls12 added to what is set" "+    [Net.ServicePointManager]::SecurityProtocol = [Net.ServicePointManager]::SecurityProtocol -bor [Net.SecurityProtocolType]::Tls12" "$WORK/diff"
expect_grep "PowerShell: a mask without its legacy bits, hex kept" "/v DefaultSecureProtocols /t REG_DWORD /d 0x800 /f" "$WORK/diff"
expect_grep "PHP: a curl floor becomes TLS 1.2" "+    curl_setopt(\$ch, CURLOPT_SSLVERSION, CURL_SSLVERSION_TLSv1_2);" "$WORK/diff"
expect_grep "PHP: curl_setopt_array's entry, the leading backslash kept" "+        CURLOPT_PROXY_SSLVERSION => \\CURL_SSLVERSION_TLSv1_2," "$WORK/diff"
expect_grep "HAProxy: a forced version becomes the floor" "+	bind :443 ssl crt /etc/haproxy/site.pem ssl-min-ver TLSv1.2 alpn h2,http/1.1" "$WORK/diff"
cp -r "$WORK/pristine" "$WORK/patched"
# The UTF-16 file's diff is of its decoded text: patch the UTF-8 files only.
check "the diff applies" bash -c "cd '$WORK/patched' && sed '/^--- a\/reg\//,\$d' '$WORK/diff' | patch -s -p1"
check "patched python = fixed" cmp "$WORK/patched/python/clients.py" "$T.expected/python/clients.py"
check "patched python servers = fixed" cmp "$WORK/patched/python/servers.py" "$T.expected/python/servers.py"

# fix: every file becomes its expected text exactly (encoding, BOM, CRLF, tabs kept).
expect_status 0 "fix exits 0" "$TLSLINT" fix "$T"
expect_grep "fix says what it did" "fixed LT-REG-001" "$WORK/out"
for f in python/clients.py python/servers.py csharp/Transport.cs nginx/nginx/site.conf reg/schannel.reg reg/netfx.reg terraform/main.tf \
         dotnet/app.config csharp/Startup.cs \
         apache/ssl.conf haproxy/haproxy.cfg openssl/openssl.cnf \
         arm/azuredeploy.json arm/main.bicep cloudformation/api.yaml cloudformation/api.json \
         kubernetes/ingress.yaml powershell/bootstrap.ps1 powershell/crlf.ps1 \
         powershell/harden.ps1 php/transfer.php; do
  check "$f is its .fixed text" cmp "$T/$f" "$T.expected/$f"
done
check "UTF-16 BOM kept" bash -c "head -c 2 '$T/reg/schannel.reg' | od -An -tx1 | grep -q 'ff fe'"
check "python compiles" python3 -m py_compile "$T/python/clients.py"
check "python servers compile" python3 -m py_compile "$T/python/servers.py"

# Scanning again: no finding of a fixable rule, no notification (no new parse error).
"$TLSLINT" scan --fail-on none -f sarif -o "$WORK/after.sarif" "$T"
check "no finding left" jq -e '.runs[0].results | length == 0' "$WORK/after.sarif"
check "no notification" jq -e '.runs[0].invocations[0].toolExecutionNotifications | length == 0' "$WORK/after.sarif"
expect_status 0 "a second fix has nothing to do" "$TLSLINT" fix "$T"
check "and changes nothing" diff -r -x __pycache__ "$T" "$T.expected"

# --rule: only that rule's fixes.
tree "$WORK/one"
expect_status 0 "fix --rule" "$TLSLINT" fix --rule LT-NGX-001 "$WORK/one"
check "nginx fixed" cmp "$WORK/one/nginx/nginx/site.conf" "$WORK/one.expected/nginx/nginx/site.conf"
check "python untouched" cmp "$WORK/one/python/clients.py" "$WORK/pristine/python/clients.py"
check "reg untouched" cmp "$WORK/one/reg/schannel.reg" "$WORK/pristine/reg/schannel.reg"
expect_status 2 "fix --rule of no rule" "$TLSLINT" fix --rule LT-XX-999 "$WORK/one"
expect_grep "names it" "--rule LT-XX-999: no such rule" "$WORK/err"

# Findings without a safe fix: the SARIF says why, and fix leaves the files alone.
cp -r "$ROOT/tests/fix/nofix" "$WORK/nofix"
"$TLSLINT" scan --fail-on none -f sarif -o "$WORK/nofix.sarif" "$WORK/nofix"
jq -r '.runs[0].results[] | "\(.ruleId) \(.locations[0].physicalLocation.region.startLine) \(.fixes // [] | length) \(.properties.noFix)"' "$WORK/nofix.sarif" > "$WORK/nofix.txt"
cat > "$WORK/nofix.want" <<'WANT'
LT-CS-003 6 0 The value initialises a constant, field or variable that other code may read too: change it where the protocols are chosen.
LT-CS-003 10 0 The value is part of a larger expression or a collection: remove the legacy versions where it is used.
LT-CS-001 11 0 The value is computed (not only members joined by '|'): no edit keeps its meaning.
LT-ARM-001 11 0 The value comes from a parameter's defaultValue or a variable that other settings may use too: change it there.
LT-ARM-001 16 0 Policy names differ by service: choose its TLS 1.2 policy.
LT-CFN-001 10 0 The value is the Default of a parameter that other resources may use too: change it there.
LT-CFN-001 16 0 Policy names differ by service: choose its TLS 1.2 policy.
LT-CFN-001 20 0 The origin protocols are a list: remove its legacy entries and keep 'TLSv1.2'.
LT-CFN-001 24 0 Policy names differ by service: choose its TLS 1.2 policy.
LT-HAP-001 2 0 The option pins what the servers of this line speak: raise it to 'ssl-min-ver TLSv1.2' once they accept TLS 1.2.
LT-HAP-001 5 0 The line also turns TLS 1.2 or TLS 1.3 off ('no-tlsv12', 'no-tlsv13'): choose the versions it must offer.
LT-HAP-001 6 0 The line is templated: edit the template so it writes 'ssl-min-ver TLSv1.2' instead of the legacy option.
LT-HAP-001 10 0 The option pins what the servers of this line speak: raise it to 'ssl-min-ver TLSv1.2' once they accept TLS 1.2.
LT-K8S-001 6 0 The value is not a plain string written at the key (a block scalar, a tag or escapes): write 'TLSv1.2 TLSv1.3' there.
LT-PHP-001 3 0 The value is held in a constant or variable that other code may read too: change it where it is declared.
LT-PHP-001 9 0 The value is computed (not curl's constants joined by '|'): set 'CURL_SSLVERSION_TLSv1_2' where it is chosen.
LT-PHP-001 10 0 The value is not written where CURLOPT_SSLVERSION is set (it is declared, stored, returned or passed to a helper that other code may use too): set 'CURL_SSLVERSION_TLSv1_2' where the option is set.
LT-PHP-001 11 0 The value is chosen where no edit is known to keep the code's meaning (a value computed at run time, a constant other code reads, a stream's crypto method): use CURL_SSLVERSION_TLSv1_2 for CURLOPT_SSLVERSION, and STREAM_CRYPTO_METHOD_TLSv1_2_CLIENT (or _SERVER) for streams.
LT-PS-001 1 0 The value is stored in a variable that other code may read too: change it where the protocols are chosen.
LT-PS-001 2 0 '+=' adds the value's number to what is set (twice, it is another value): write '[Net.ServicePointManager]::SecurityProtocol = [Net.ServicePointManager]::SecurityProtocol -bor [Net.SecurityProtocolType]::Tls12' instead.
LT-PS-001 3 0 The value is computed (not only SecurityProtocolType members joined by '-bor', or a string of their names): no edit keeps its meaning.
LT-PS-002 4 0 The data written is computed: write the hardening value where it is chosen.
LT-PY-001 5 0 The constant is stored in a name that other code may read too: change it where the protocol is chosen.
LT-PY-001 9 0 The constant is not passed straight to ssl.SSLContext, where PROTOCOL_TLS_CLIENT keeps the code's meaning (ssl.wrap_socket and ssl_version= callers turn certificate checks off, which PROTOCOL_TLS_CLIENT refuses): pass a context from ssl.create_default_context() instead.
LT-PY-001 13 0 The constant is imported by name: replacing it needs PROTOCOL_TLS_CLIENT imported too.
LT-ARM-001 7 0 The value comes from a parameter's default or a variable that other settings may use too: change it there.
LT-ARM-001 15 0 'TLSEnforcementDisabled' also turns TLS enforcement off: set 'sslEnforcement' to 'Enabled' and 'minimalTlsVersion' to 'TLS1_2'.
LT-OSSL-001 2 0 A cap at a legacy version is there for a peer that speaks nothing newer: raise it once that peer accepts TLS 1.2.
LT-OSSL-001 3 0 Raising the security level also refuses small keys and SHA-1 signatures: choose the level the peers need (OpenSSL's default is 1).
LT-TF-001 7 0 The value comes from a variable's default or a local that other settings may use too: change it there.
LT-TF-002 13 0 Policy names differ by service: choose its TLS 1.2 policy.
LT-PY-001 10 0 The context both serves and connects (one use is a server's, another a client's), and no one protocol suits both: give each side its own context; choose PROTOCOL_TLS_SERVER for a server's context, PROTOCOL_TLS_CLIENT for a client's.
LT-PY-001 17 0 Not every use of the context can be followed (it is returned, stored, passed on, bound again, or server_side is computed), so which side it is on is not known: choose PROTOCOL_TLS_SERVER for a server's context, PROTOCOL_TLS_CLIENT for a client's.
LT-PY-001 21 0 Not every use of the context can be followed (it is returned, stored, passed on, bound again, or server_side is computed), so which side it is on is not known: choose PROTOCOL_TLS_SERVER for a server's context, PROTOCOL_TLS_CLIENT for a client's.
LT-PY-001 26 0 The file serves TLS, and the context's uses do not show which side it is on: choose PROTOCOL_TLS_SERVER for a server's context, PROTOCOL_TLS_CLIENT for a client's.
LT-PY-001 32 0 The code sets verify_mode before check_hostname: with PROTOCOL_TLS_CLIENT check_hostname starts on, and ssl refuses CERT_NONE then: set ctx.check_hostname = False first, then use PROTOCOL_TLS_CLIENT.
LT-PY-001 39 0 The context wraps a socket without server_hostname: PROTOCOL_TLS_CLIENT checks the host name and refuses that: pass server_hostname= (or set ctx.check_hostname = False), then use PROTOCOL_TLS_CLIENT.
LT-PY-001 44 0 Not every use of the context can be followed (it is returned, stored, passed on, bound again, or server_side is computed), so which side it is on is not known: choose TLS_SERVER_METHOD for a server's context, TLS_CLIENT_METHOD for a client's.
LT-APA-001 2 0 The directive's protocols are templated: edit the template so it writes '-all +TLSv1.2 +TLSv1.3'.
WANT
check "no-fix reasons" diff "$WORK/nofix.want" "$WORK/nofix.txt"
expect_status 0 "fix with nothing fixable" "$TLSLINT" fix "$WORK/nofix"
check "nofix untouched" diff -r "$ROOT/tests/fix/nofix" "$WORK/nofix"
expect_status 0 "fix -v lists them" "$TLSLINT" fix -v "$WORK/nofix"
expect_grep "with the reason" "LT-PY-001: no fix: The constant is imported by name" "$WORK/err"

# A file changed since the scan is refused: with --staged the scan reads the index, and the
# work tree copy differs from it.
R=$WORK/repo
mkdir -p "$R" && git -C "$R" init -q && cp "$ROOT/tests/fix/cases/python/clients.py" "$R/"
git -C "$R" add clients.py
printf '# edited after staging\n' >> "$R/clients.py"
cp "$R/clients.py" "$WORK/edited.py"
expect_status 1 "fix --staged with a changed work tree" bash -c "cd '$R' && '$TLSLINT' fix --staged"
expect_grep "refused" "clients.py: changed since the scan; not changed" "$WORK/err"
check "left alone" cmp "$R/clients.py" "$WORK/edited.py"
git -C "$R" add clients.py
expect_status 1 "fix --dry-run --staged" bash -c "cd '$R' && '$TLSLINT' fix --dry-run --staged"
expect_grep "staged diff" "+    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)" "$WORK/out"
check "dry run --staged writes nothing" cmp "$R/clients.py" "$WORK/edited.py"

# Opt-in fixes (retargeting a project) only with --include-opt-in.
O=$WORK/optin
cp -r "$ROOT/tests/fix/optin" "$O"
mkdir -p "$O.expected/sdk" "$O.expected/lists"
mv "$O/Legacy.fixed.csproj" "$O.expected/Legacy.csproj"
mv "$O/sdk/Tool.fixed.csproj" "$O.expected/sdk/Tool.csproj"
for p in Multi Both; do mv "$O/lists/$p.fixed.csproj" "$O.expected/lists/$p.csproj"; done
cp -r "$O" "$O.pristine"
"$TLSLINT" scan --fail-on none -f sarif -o "$WORK/optin.sarif" "$O"
check "opt-in fixes are marked" jq -e '[.runs[0].results[] | select(.ruleId == "LT-NET-001") | .fixes[0].properties.optIn] == [true, true, true, true, true]' "$WORK/optin.sarif"
# In a list of targets: the first legacy one is retargeted, later ones are dropped (net48
# twice would not restore), and a list that already has net472 only loses its legacy ones;
# a comment that names net48 changes nothing.
check "targets in lists" jq -e '[.runs[0].results[] | select(.ruleId == "LT-NET-001" and (.locations[0].physicalLocation.artifactLocation.uri | startswith("lists/"))) | [.locations[0].physicalLocation.artifactLocation.uri, .fixes[0].artifactChanges[0].replacements[0].insertedContent.text, (.fixes[0].description.text | startswith("Drop this target"))]] == [["lists/Both.csproj", "", true], ["lists/Multi.csproj", "net48", false], ["lists/Multi.csproj", "", true]]' "$WORK/optin.sarif"
expect_status 0 "fix without --include-opt-in" "$TLSLINT" fix "$O"
check "projects untouched" diff -r "$O.pristine" "$O"
expect_status 0 "fix --include-opt-in" "$TLSLINT" fix --include-opt-in "$O"
check "v4.5 -> v4.8" cmp "$O/Legacy.csproj" "$O.expected/Legacy.csproj"
check "net452 -> net48" cmp "$O/sdk/Tool.csproj" "$O.expected/sdk/Tool.csproj"
check "net45;netstandard2.0;net461 -> net48;netstandard2.0" cmp "$O/lists/Multi.csproj" "$O.expected/lists/Multi.csproj"
check "net46 ; net472;net6.0 -> net472;net6.0" cmp "$O/lists/Both.csproj" "$O.expected/lists/Both.csproj"

# LT-CS-001 in a project targeting .NET Framework 4.7.2: the assignment is removed (whole
# lines, a trailing comment with them; a computed value too); in an unbraced `if` and under a
# 4.6.1 project the legacy members are dropped instead.
M=$WORK/modern
cp -r "$ROOT/tests/fix/modern" "$M"
mkdir -p "$M.expected/legacy"
mv "$M/Client.fixed.cs" "$M.expected/Client.cs"
mv "$M/legacy/Old.fixed.cs" "$M.expected/legacy/Old.cs"
"$TLSLINT" scan --fail-on none -f sarif -o "$WORK/modern.sarif" "$M"
check "removal only on 4.7 or later" jq -e '[.runs[0].results[] | select(.ruleId == "LT-CS-001") | [.locations[0].physicalLocation.artifactLocation.uri, .locations[0].physicalLocation.region.startLine, (.fixes[0].description.text | startswith("Remove the assignment"))]] == [["Client.cs", 9, true], ["Client.cs", 10, true], ["Client.cs", 11, true], ["Client.cs", 17, false], ["legacy/Old.cs", 9, false]]' "$WORK/modern.sarif"
check "numbers: removal on 4.7 or later, the legacy bits dropped before" jq -e '[.runs[0].results[] | select(.ruleId == "LT-CS-002") | [.locations[0].physicalLocation.artifactLocation.uri, .locations[0].physicalLocation.region.startLine, (.fixes[0].description.text | startswith("Remove the assignment"))]] == [["Client.cs", 22, true], ["legacy/Old.cs", 10, false]]' "$WORK/modern.sarif"
check "a pinned TLS 1.2 on 4.7 or later: removed" jq -e '[.runs[0].results[] | select(.ruleId == "LT-CS-006") | [.locations[0].physicalLocation.region.startLine, (.fixes[0].description.text | startswith("Remove the assignment"))]] == [[23, true]]' "$WORK/modern.sarif"
check "the whole line goes" jq -e '[.runs[0].results[] | select(.ruleId == "LT-CS-001" and .locations[0].physicalLocation.region.startLine == 10) | .fixes[0].artifactChanges[0].replacements[] | [.deletedRegion.startLine, .deletedRegion.startColumn, .deletedRegion.endLine, .deletedRegion.endColumn, .insertedContent.text]] == [[10, 1, 11, 1, ""]]' "$WORK/modern.sarif"
expect_status 0 "fix on the 4.7.2 project" "$TLSLINT" fix "$M"
check "assignments removed" cmp "$M/Client.cs" "$M.expected/Client.cs"
check "4.6.1: members dropped" cmp "$M/legacy/Old.cs" "$M.expected/legacy/Old.cs"
"$TLSLINT" scan --fail-on none -f sarif -o "$WORK/modern.after.sarif" "$M"
check "no LT-CS-001 left" jq -e '[.runs[0].results[] | select(.ruleId == "LT-CS-001")] | length == 0' "$WORK/modern.after.sarif"

# The file's mode survives the atomic write.
# Every finding of the fixtures either carries a fix or says why not (the spec: "a finding
# without a safe fix says so"): rules that offer no edit (LT-JAVA-001, LT-SH-001, ...) say so.
"$TLSLINT" scan --fail-on none -q -f sarif -o "$WORK/all.sarif" "$ROOT/fixtures"
check "fixtures: each result has a fix or a noFix, not both" jq -e '[.runs[0].results[] |
  select((((.fixes // []) | length) > 0) == (.properties.noFix != null))] | length == 0' "$WORK/all.sarif"
check "a Java finding says why it has no fix (its rule's no-fix key)" jq -e '[.runs[0].results[] |
  select(.ruleId == "LT-JAVA-001" and (.properties.noFix | startswith("tlslint does not edit Java or Kotlin yet")))] | length > 0' "$WORK/all.sarif"
check "a fixed Python finding has no noFix" jq -e '[.runs[0].results[] |
  select(.ruleId == "LT-PY-001" and ((.fixes // []) | length) > 0 and .properties.noFix == null)] | length > 0' "$WORK/all.sarif"

tree "$WORK/mode"
chmod 640 "$WORK/mode/nginx/nginx/site.conf"
expect_status 0 "fix keeps modes" "$TLSLINT" fix "$WORK/mode"
check "mode 640" test "$(stat -c %a "$WORK/mode/nginx/nginx/site.conf")" = 640
finish
