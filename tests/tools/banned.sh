#!/usr/bin/env bash
# banned.sh CC BANNED_H: every function banned.h bans fails to build (compile or link) with the
# analyzer's flags and names itself in the error; the replacements it points to still build.
set -uo pipefail
cc=$1
banned=$2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tlslint-banned.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
failures=0
build() { # build NAME BODY: compiles and links a program whose main runs BODY
	printf '#include <stdio.h>\n#include <string.h>\n#include <time.h>\nint main(int argc, char **argv)\n{\n\t(void)argc, (void)argv;\n\tchar buf[64] = "a,b";\n\ttime_t t = 0;\n\tstruct tm tm;\n\t(void)buf, (void)t, (void)tm;\n\t%s\n\treturn 0;\n}\n' "$2" >"$tmp/$1.c"
	"$cc" -D_GNU_SOURCE -std=c11 -Wall -Wextra -Werror -include "$banned" "$tmp/$1.c" -o "$tmp/$1" >"$tmp/$1.log" 2>&1
}
banned_use() { # banned_use FUNC BODY
	if build "$1" "$2"; then
		echo "FAIL: $1 builds despite banned.h" >&2
		failures=$((failures + 1))
	elif ! grep -q "sorry_$1_is_banned" "$tmp/$1.log"; then
		echo "FAIL: the error for $1 does not name it:" >&2
		cat "$tmp/$1.log" >&2
		failures=$((failures + 1))
	else
		echo "ok: $1 is banned"
	fi
}
banned_use strcpy 'strcpy(buf, argv[0]); puts(buf);'
banned_use strcat 'strcat(buf, argv[0]); puts(buf);'
banned_use strncpy 'strncpy(buf, argv[0], 3); puts(buf);'
banned_use strncat 'strncat(buf, argv[0], 3); puts(buf);'
banned_use sprintf 'sprintf(buf, "%s", argv[0]); puts(buf);'
banned_use strtok 'char *w = strtok(buf, ","); puts(w);'
banned_use gmtime 'struct tm *p = gmtime(&t); printf("%d\n", p->tm_year);'
banned_use localtime 'struct tm *p = localtime(&t); printf("%d\n", p->tm_year);'
banned_use ctime 'char *s = ctime(&t); puts(s);'
banned_use asctime 'char *s = asctime(gmtime_r(&t, &tm)); puts(s);'
banned_use ctime_r 'char *s = ctime_r(&t, buf); puts(s);'
banned_use asctime_r 'char *s = asctime_r(gmtime_r(&t, &tm), buf); puts(s);'
if build allowed 'char *save = NULL; puts(strtok_r(buf, ",", &save)); gmtime_r(&t, &tm); localtime_r(&t, &tm); strftime(buf, sizeof(buf), "%Y", &tm); snprintf(buf, sizeof(buf), "%s", argv[0]); puts(buf);'; then
	echo "ok: strtok_r, gmtime_r, localtime_r, strftime and snprintf build"
else
	echo "FAIL: the replacements do not build:" >&2
	cat "$tmp/allowed.log" >&2
	failures=$((failures + 1))
fi
exit $((failures > 0))
