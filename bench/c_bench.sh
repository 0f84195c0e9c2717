#!/usr/bin/env bash
# c_bench.sh: C/C++ front-end throughput, in translation units per second.
#
# Generates a corpus (no C tree is assumed on the machine): SOURCES .c files that use OpenSSL
# and libcurl (every one passes the prefilter and is parsed), a header per ten sources, and
# OTHERS files without any TLS token (read, never parsed). Then scans it three ways:
#   - with a compilation database (each TU with its flags, real system headers);
#   - without one (system headers found on the default paths, shims for the rest);
#   - without a database (the default: shims and the token fallback, no system headers);
#   - without a database but reading the installed headers (--system-headers);
#   - with no headers at all (--no-system-headers: shims and the token fallback only).
#   bench/c_bench.sh [path/to/tlslint] [SOURCES] [OTHERS] [JOBS]
set -euo pipefail
bin=${1:-build/tlslint}
sources=${2:-300}
others=${3:-700}
jobs=${4:-2}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/src" "$dir/include" "$dir/build"

for ((i = 0; i < sources; i++)); do
	h=$((i / 10))
	floor=TLS1_2_VERSION
	((i % 7 == 0)) && floor=TLS1_VERSION
	cat > "$dir/src/conn$i.c" <<C
/* conn$i.c: generated. */
#include <openssl/ssl.h>
#include <openssl/err.h>
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mod$h.h"

struct conn$i { SSL_CTX *ctx; SSL *ssl; CURL *curl; int fd; char host[256]; };

static int conn${i}_verify(int ok, X509_STORE_CTX *store)
{
	(void)store;
	return ok;
}

static SSL_CTX *conn${i}_ctx(const char *ca)
{
	SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
	if (!ctx)
		return NULL;
	SSL_CTX_set_min_proto_version(ctx, $floor);
	SSL_CTX_set_options(ctx, SSL_OP_NO_COMPRESSION);
	SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, conn${i}_verify);
	if (ca && SSL_CTX_load_verify_locations(ctx, ca, NULL) != 1) {
		ERR_print_errors_fp(stderr);
		SSL_CTX_free(ctx);
		return NULL;
	}
	return ctx;
}

int conn${i}_open(struct conn$i *c, const char *host, const char *ca)
{
	memset(c, 0, sizeof(*c));
	snprintf(c->host, sizeof(c->host), "%s", host);
	c->ctx = conn${i}_ctx(ca);
	if (!c->ctx)
		return -1;
	c->ssl = SSL_new(c->ctx);
	SSL_set_tlsext_host_name(c->ssl, c->host);
	c->curl = curl_easy_init();
	curl_easy_setopt(c->curl, CURLOPT_URL, host);
	curl_easy_setopt(c->curl, CURLOPT_SSLVERSION, (long)CURL_SSLVERSION_TLSv1_2);
	return mod${h}_register(c->host, $i);
}

void conn${i}_close(struct conn$i *c)
{
	if (c->ssl)
		SSL_shutdown(c->ssl);
	SSL_free(c->ssl);
	SSL_CTX_free(c->ctx);
	curl_easy_cleanup(c->curl);
}
C
	if ((i % 10 == 0)); then
		cat > "$dir/include/mod$h.h" <<C
/* mod$h.h: generated. */
#include <openssl/ssl.h>
int mod${h}_register(const char *host, int id);
static inline int mod${h}_secure(SSL_CTX *ctx) { return SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION); }
C
	fi
done
for ((i = 0; i < others; i++)); do
	printf '/* util%d.c: generated, no TLS. */\n#include <stdio.h>\nint util%d(int x) { return x * %d; }\n' \
		"$i" "$i" "$i" > "$dir/src/util$i.c"
done
{
	echo "["
	for ((i = 0; i < sources; i++)); do
		sep=","
		((i == sources - 1)) && sep=""
		echo "{ \"directory\": \"$dir\", \"file\": \"src/conn$i.c\", \"arguments\": [\"cc\", \"-std=c11\", \"-Iinclude\", \"-DNDEBUG\", \"-c\", \"src/conn$i.c\", \"-o\", \"build/conn$i.o\"] }$sep"
	done
	echo "]"
} > "$dir/build/db.json"

run() {
	local label=$1
	shift
	local times json
	TIMEFORMAT='%R %U %S'
	{ time "$bin" scan -q -j "$jobs" --format json --fail-on none "$@" "$dir" > "$dir/out.json"; } 2> "$dir/time"
	times=$(cat "$dir/time")
	json=$(cat "$dir/out.json")
	local parsed findings
	parsed=$(echo "$json" | grep -o '"parsed":[[:space:]]*[0-9]*' | grep -o '[0-9]*$')
	findings=$(echo "$json" | grep -c '"rule":' || true)
	echo "$times" | awk -v l="$label" -v p="$parsed" -v f="$findings" '{
		cpu = $2 + $3
		printf "%-40s %4d TUs in %6.2f s wall = %6.1f TUs/s; %6.2f s CPU = %6.1f TUs per CPU-second (%d findings)\n",
		       l, p, $1, p / $1, cpu, p / cpu, f }'
}

echo "corpus: $sources TLS sources, $((sources / 10)) headers, $others files without TLS tokens; $jobs jobs"
echo "(wall time depends on the load of the machine; CPU time much less)"
run "with compile_commands.json" --compile-commands "$dir/build/db.json"
run "without a database (default: shims)"
run "without, reading system headers" --system-headers
run "no headers at all (--no-system-headers)" --no-system-headers
