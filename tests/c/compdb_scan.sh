#!/usr/bin/env bash
# compdb_scan.sh: a compilation database changes what is found, and is found on its own.
# The scanned file's legacy floor comes from a macro that only the database defines
# (-DAPP_TLS_FLOOR=TLS1_VERSION): without the database it is unknown and not a finding; with
# it (given with --compile-commands, or found in the scan root or its build/ directory) it is.
# A header in no entry takes the flags of its neighbour.
#   tests/c/compdb_scan.sh path/to/tlslint
set -euo pipefail
bin=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/src" "$dir/out"
cat > "$dir/src/client.c" <<'C'
#include <openssl/ssl.h>

void setup(SSL_CTX *ctx)
{
	SSL_CTX_set_min_proto_version(ctx, APP_TLS_FLOOR);
}
C
cat > "$dir/src/client.h" <<'C'
#include <openssl/ssl.h>
static inline void setup_inline(SSL_CTX *ctx) { SSL_CTX_set_max_proto_version(ctx, APP_TLS_FLOOR); }
C
db='[ { "directory": "'"$dir"'", "file": "src/client.c",
        "arguments": ["cc", "-DAPP_TLS_FLOOR=TLS1_VERSION", "-fplugin=/nonexistent/evil.so", "-c", "src/client.c"] } ]'
count() { "$bin" scan -q --format json --fail-on none "$@" | { grep -c "\"rule\":" || true; }; }

n=$(count "$dir")
[ "$n" -eq 0 ] || { echo "without a database: $n findings, want 0"; exit 1; }
echo "$db" > "$dir/out/db.json"
n=$(count --compile-commands "$dir/out/db.json" "$dir")
[ "$n" -eq 2 ] || { echo "--compile-commands: $n findings, want 2"; exit 1; }
mkdir -p "$dir/build" && mv "$dir/out/db.json" "$dir/build/compile_commands.json"
n=$(count "$dir")
[ "$n" -eq 2 ] || { echo "build/compile_commands.json: $n findings, want 2"; exit 1; }
mv "$dir/build/compile_commands.json" "$dir/compile_commands.json"
n=$(count "$dir")
[ "$n" -eq 2 ] || { echo "compile_commands.json in the root: $n findings, want 2"; exit 1; }
echo "compdb_scan: the database is used, found in the root and build/, and lends flags to headers"
