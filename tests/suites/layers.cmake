# Layers: no two folders of analyzer/ include each other, directly or through others
# (docs/conventions.md, "The layer rule"), and only the language table includes a language's
# folder. include_graph prints the cycle it finds, with the file behind each step; the second
# test shows that it does find cycles and languages included from outside.
add_executable(include_graph ${CMAKE_CURRENT_SOURCE_DIR}/tools/include_graph.c)
target_compile_options(include_graph PRIVATE ${TLSLINT_WARNINGS})
add_test(NAME layers/no-include-cycle
         COMMAND include_graph ${CMAKE_SOURCE_DIR}/analyzer)
add_test(NAME layers/cycle-is-found
         COMMAND sh -c [=[
dir=$(mktemp -d) || exit 1
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/a" "$dir/b" "$dir/c" "$dir/lang/x" "$dir/lang/y" "$dir/c/shims"
printf '#include "b/b.h"\n' > "$dir/a/a.h"
printf '#include "c/c.h"\n#include <stdio.h>\n#include "local.h"\n' > "$dir/b/b.h"
printf '#include "a/a.h"\n' > "$dir/c/c.c"
: > "$dir/c/c.h"
printf '#include "lang/y/y.h"\n#include "missing/none.h"\n' > "$dir/lang/x/x.c"
: > "$dir/lang/y/y.h"
printf '#include "a/a.h"\n' > "$dir/c/shims/s.h"
printf '#include "lang/x/x.h"\n' > "$dir/lang/y/y2.c"
: > "$dir/lang/x/x.h"
out=$("$1" "$dir"); rc=$?
printf '%s\n' "$out"
[ "$rc" -eq 1 ] || { echo "FAIL: exit status $rc, expected 1"; exit 1; }
want="cycle among 3 folders: a b c
  a -> b (a/a.h includes b/b.h)
  b -> c (b/b.h includes c/c.h)
  c -> a (c/c.c includes a/a.h)"
printf '%s\n' "$out" | grep -qxF "cycle among 2 folders: lang/x lang/y" || { echo "FAIL: lang/x <-> lang/y not found"; exit 1; }
printf '%s\n' "$out" | grep -qF "$want" || { echo "FAIL: the a-b-c cycle is not printed as expected"; exit 1; }
printf '%s\n' "$out" | grep -qxF "2 include cycles between the folders of $dir; see the layer rule in docs/conventions.md" || { echo "FAIL: summary"; exit 1; }
rm "$dir/c/c.c" "$dir/lang/y/y2.c"
printf '#include "missing/none.h"\n' > "$dir/lang/x/x.c"
out=$("$1" "$dir"); rc=$?
printf '%s\n' "$out"
[ "$rc" -eq 0 ] || { echo "FAIL: without the cycles: exit status $rc, expected 0"; exit 1; }
# Only the language table (lang/'s own files) includes a language's folder.
printf '#include "lang/x/x.h"\n' > "$dir/lang/table.c"
out=$("$1" "$dir"); rc=$?
[ "$rc" -eq 0 ] || { echo "FAIL: the table including a language: exit status $rc, expected 0"; exit 1; }
printf '#include "lang/y/y.h"\n' > "$dir/b/b.c"
out=$("$1" "$dir"); rc=$?
printf '%s\n' "$out"
[ "$rc" -eq 1 ] || { echo "FAIL: b including lang/y: exit status $rc, expected 1"; exit 1; }
printf '%s\n' "$out" | grep -qF "b includes lang/y (b/b.c includes lang/y/y.h): only the language table" || { echo "FAIL: b -> lang/y not named"; exit 1; }
rm "$dir/b/b.c"
printf '#include "lang/table.h"\n' > "$dir/a/a.c"
: > "$dir/lang/table.h"
out=$("$1" "$dir"); rc=$?
printf '%s\n' "$out"
[ "$rc" -eq 1 ] || { echo "FAIL: a including the table: exit status $rc, expected 1"; exit 1; }
printf '%s\n' "$out" | grep -qF "a includes lang (a/a.c includes lang/table.h)" || { echo "FAIL: a -> lang not named"; exit 1; }
]=] sh $<TARGET_FILE:include_graph>)
