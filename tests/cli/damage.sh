#!/usr/bin/env bash
# damage.sh: a finding must not depend on the rest of the file parsing (issue 10, part 4).
# Every positive fixture of the tree-sitter languages is copied with unrelated damage injected
# at the top of each block (after each line that opens one: `{` in C# and PowerShell, `:` in
# Python) and, in PowerShell scripts, whose statements are mostly at the top level, also as the
# statement before each finding; never on a finding's own line, and `tlslint test` must still find every expected
# finding (and nothing more). Each kind of damage is a shape real code has: contextual keywords
# used as names, preprocessor branches with unbalanced braces, syntax newer (or older) than the
# grammar. A damaged file is also named in a SARIF notification.
#   tests/cli/damage.sh path/to/tlslint
source "$(dirname "$0")/lib.sh"

# C#: one damage per line (\n splits a damage into lines).
cs_damage=(
	'Send(async: async, record: record);'
	'#if LEGACY_FRAMEWORK\nvoid Legacy(bool async) {\n#else\nvoid Modern(bool async, int record) {\n#endif\n}'
	'var handler = new Handler { [Key] = $$$unknown <|> syntax };'
	'if (async) await Open(async: async); else Open(async: false);'
)
# Python: the damage is indented like the block's first line.
py_damage=(
	'def _helper(async=False, await=None): pass'
	'print >>sys.stderr, `value`, $$$ unknown'
	'result = call(async=True) if async else $$$'
)
java_damage=(
	'var record = switch (yield) { case 1 -> $$$; default -> };'
	'@interface Broken { String value() default <|> ; }'
)
go_damage=(
	'var x = <-<- $$$ ~'
	'type T[P any, ] interface { ~int | ~ }'
	'func (r *R[K, V]) Get(k K) (v V, ok bool) { return r.m[k] ~ }'
)
# PHP: the `(void)` cast of PHP 8.5 and asymmetric visibility on a promoted constructor
# parameter (PHP 8.4), both newer than the grammar, and a broken array.
php_damage=(
	'(void) $lock->acquire();'
	'public function __construct(public private(set) array $items = []) {}'
	'$legacy = array(1, 2,, @@unknown);'
)
js_damage=(
	'let broken = <-> $$$ ~;'
	'type Exact = {| a: string |};'
	'import type { Options } from "./types";'
)
ruby_damage=(
	'forward(*, **, &) $$$'
	'value = case input in {name: String => } | ~ end'
	'x = %<<< unknown ]]'
)
# Kotlin: syntax newer than the grammar (context parameters of Kotlin 2.2, multi-dollar
# interpolation of 2.1).
kotlin_damage=(
	'context(logger: Logger) fun log() = Unit'
	'val price = $$"price: $$amount"'
)
ps_damage=(
	'$settings = @{ a = 1; b = }'
	'$$$ = weird(( [broken'
	'foreach ($class in $enum) { $x = $class.( }'
)

# inject FILE OUT DAMAGE OPENER [BEFORE]: copies FILE to OUT with DAMAGE after every line whose
# code ends with OPENER (`{` or `:`), indented like the line after it, and before every line
# that matches the regular expression BEFORE.
inject() {
	awk -v dmg="$3" -v opener="$4" -v before="${5:-}" '
	function indent_of(s) { match(s, /^[ \t]*/); return substr(s, 1, RLENGTH) }
	{ lines[NR] = $0 }
	END {
		n = split(dmg, parts, "\n")
		for (i = 1; i <= NR; i++) {
			if (before != "" && lines[i] ~ before)
				for (k = 1; k <= n; k++)
					print indent_of(lines[i]) parts[k]
			print lines[i]
			code = lines[i]
			sub(/[ \t]+$/, "", code)
			if (substr(code, length(code), 1) != opener || code ~ /^[ \t]*(#|\/\/)/)
				continue
			# PHP match arms are an expression: no statement goes between them.
			if (code ~ /match[ \t]*\(.*\)[ \t]*\{$/)
				continue
			ind = (i < NR) ? indent_of(lines[i + 1]) : ""
			if (ind == "" && opener == ":")
				continue
			for (k = 1; k <= n; k++)
				print ind parts[k]
		}
	}' "$1" > "$2"
}

run_kind() {
	local lang=$1 ext=$2 opener=$3 damage=$4 n=$5 before=${6:-}
	local dir="$WORK/$lang-$n"
	mkdir -p "$dir"
	local injected=0
	for f in "$ROOT"/fixtures/"$lang"/*.bad."$ext"; do
		inject "$f" "$dir/$(basename "$f")" "$damage" "$opener" "$before"
		cmp -s "$f" "$dir/$(basename "$f")" || injected=$((injected + 1))
	done
	[ "$injected" -gt 0 ] || { fail "$lang damage $n: injected nowhere"; return; }
	if "$TLSLINT" test "$dir" >"$WORK/out" 2>&1; then
		pass
	else
		fail "$lang damage $n ($damage): $(grep -E '^(Missing|Noisy)' "$WORK/out" | head -5)"
	fi
}

for i in "${!cs_damage[@]}"; do run_kind csharp cs '{' "${cs_damage[$i]}" "$i"; done
for i in "${!py_damage[@]}"; do run_kind python py ':' "${py_damage[$i]}" "$i"; done
for i in "${!ps_damage[@]}"; do run_kind powershell ps1 '{' "${ps_damage[$i]}" "$i" '^[ \t]*# ruleid:'; done
for i in "${!java_damage[@]}"; do run_kind java java '{' "${java_damage[$i]}" "$i"; done
# PHP: after each line that opens a block, and before each function and method.
for i in "${!php_damage[@]}"; do run_kind php php '{' "${php_damage[$i]}" "$i"; done
for i in "${!php_damage[@]}"; do
	run_kind php php '§' "${php_damage[$i]}" "f$i" '^[ \t]*((public|private|protected|static) )*function '
done
for i in "${!kotlin_damage[@]}"; do run_kind kotlin kt '{' "${kotlin_damage[$i]}" "$i"; done
# Go: before every function (damage inside a composite literal is not a shape
# real code has, and it takes the literal with it).
for i in "${!go_damage[@]}"; do run_kind go go '§' "${go_damage[$i]}" "$i" '^func '; done
# JavaScript: before every top-level prose comment, between statements (as in Go, damage inside
# an object literal is not a shape real code has).
for i in "${!js_damage[@]}"; do run_kind javascript js '§' "${js_damage[$i]}" "$i" '^// [A-Z]'; done
# Ruby: before every method (its blocks open with `do` and `{` alike).
for i in "${!ruby_damage[@]}"; do run_kind ruby rb '§' "${ruby_damage[$i]}" "$i" '^[ \t]*def '; done

# The damaged file is named in a notification, a note; an undamaged one is not.
mkdir -p "$WORK/note"
printf '%s\n' 'class S {' '  void M(bool async) {' '    Send(async: async);' \
	'    ssl.AuthenticateAsClient(host, null, SslProtocols.Tls, false);' '  }' '}' \
	> "$WORK/note/Damaged.cs"
printf '%s\n' 'class T { void M() { ssl.AuthenticateAsClient(h, null, SslProtocols.Tls, false); } }' \
	> "$WORK/note/Clean.cs"
"$TLSLINT" scan -f sarif -o "$WORK/note.sarif" "$WORK/note" >/dev/null 2>&1 || true
expect_grep "notification names the damaged file" '"uri":	"Damaged.cs"' "$WORK/note.sarif"
expect_grep "notification says what happened" "has syntax the csharp parser could not read (lines 3-4)" "$WORK/note.sarif"
if grep -q '"uri":	"Clean.cs"' "$WORK/note.sarif" && ! grep -q 'Clean.cs.*could not read' "$WORK/note.sarif"; then
	pass
else
	fail "Clean.cs has one result and no notification"
fi
expect_status 1 "the finding after the damage is kept" "$TLSLINT" scan --fail-on error "$WORK/note/Damaged.cs"
expect_grep "the finding after the damage is reported" "Damaged.cs:4:" "$WORK/out"

# C# #if branches that read as one program only one at a time (both open the class): the file
# is read with the first branch of each, when no keyword is in the others; a setting in an
# #else branch is still found, by the statements read on their own.
mkdir -p "$WORK/branches"
printf '%s\n' 'class B {' '#if NETFX' '  class Inner : Base1 {' '#else' '  class Inner : Base2 {' \
	'#endif' '    void M() {' '      ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls;' \
	'    }' '  }' '}' >"$WORK/branches/First.cs"
printf '%s\n' 'class C {' '#if NETFX' '  void M() {' '    Open();' '#else' '  void M() {' \
	'    ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls11;' '#endif' '  }' '}' \
	>"$WORK/branches/Else.cs"
printf '%s\n' 'class D {' '#if NETFX' '  class Inner : Base1 {' '#else' '  class Inner : Base2 {' \
	'#endif' '    void M(bool async) {' '      Send(async: async);' \
	'      ServicePointManager.SecurityProtocol = SecurityProtocolType.Ssl3;' '    }' '  }' '}' \
	>"$WORK/branches/Both.cs"
"$TLSLINT" scan --fail-on none -f text --color never "$WORK/branches" >"$WORK/branches.txt" 2>&1
"$TLSLINT" scan --fail-on none -f sarif -o "$WORK/branches.sarif" "$WORK/branches" >/dev/null 2>&1
for at in First.cs:8: Else.cs:7: Both.cs:9:; do
	expect_grep "#if branches: the setting at $at is found" "$at" "$WORK/branches.txt"
done
expect_grep "#if branches: read with the first branch of each" \
	"First.cs' has syntax the csharp parser could not read with every branch of its #if directives (lines 1-11); it was analysed with the first branch of each" \
	"$WORK/branches.sarif"
expect_grep "#if branches: a keyword in an #else branch keeps the statements read alone" \
	"Else.cs' has syntax the csharp parser could not read (lines 1-10); the statements around it" \
	"$WORK/branches.sarif"
expect_grep "#if branches: what the first branches leave damaged is named" \
	"Both.cs' has syntax the csharp parser could not read (line 8); the statements around it" \
	"$WORK/branches.sarif"
finish
