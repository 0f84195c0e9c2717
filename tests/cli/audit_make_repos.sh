#!/usr/bin/env bash
# audit_make_repos.sh DIR: builds the repositories the audit tests use, under DIR:
#   bare/alpha.git   bare, branch main: eight legacy-TLS C# files, five of them ignored by
#                    .gitignore blobs (anchored, unanchored, "**", negated, nested)
#   bare/beta.git    bare, HEAD on branch 'release': one finding; origin URL has credentials
#   bare/clean.git   bare, modern TLS only
#   bare/broken.git  bare, a blob of HEAD's tree deleted from the object database
#   bare/nohead.git  bare, HEAD names a branch that does not exist
#   work/gamma       a work tree with a committed finding
#   notarepo         a plain directory
#   list             the list file: bare/ (a directory of repositories), work/gamma,
#                    notarepo, missing (does not exist)
set -euo pipefail
dir=$1
rm -rf "$dir"
mkdir -p "$dir/bare" "$dir/work" "$dir/src" "$dir/notarepo"
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.com GIT_COMMITTER_NAME=t
export GIT_COMMITTER_EMAIL=t@example.com GIT_AUTHOR_DATE='2026-01-01T00:00:00Z'
export GIT_COMMITTER_DATE='2026-01-01T00:00:00Z' GIT_CONFIG_NOSYSTEM=1 HOME=$dir
legacy='ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls;'
modern='ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12;'
cs() { # cs FILE STATEMENT
	mkdir -p "$(dirname "$1")"
	printf 'using System.Net;\nclass C {\n    static void M() {\n        %s\n    }\n}\n' "$2" >"$1"
}
commit() { # commit SRC BRANCH
	git -C "$1" init -q -b "$2"
	git -C "$1" add -A
	git -C "$1" commit -q -m init
}

s=$dir/src/alpha
cs "$s/Net/Client.cs" "$legacy"
cs "$s/Net/Old.cs" "$legacy"
cs "$s/gen/Generated.cs" "$legacy"
cs "$s/tools/keep/Keep.cs" "$legacy"
cs "$s/tools/drop/Drop.cs" "$legacy"
cs "$s/a/b/legacy/Deep.cs" "$legacy"
cs "$s/Forms/Main.Designer.cs" "$legacy"
cs "$s/Forms/Important.Designer.cs" "$legacy"
printf '# generated code\n/gen/\nOld.cs\n**/legacy/\n*.Designer.cs\n!Important.Designer.cs\n' >"$s/.gitignore"
printf 'drop/\n' >"$s/tools/.gitignore"
commit "$s" main
git -C "$s" add -f Net/Old.cs gen/Generated.cs tools/drop/Drop.cs a/b/legacy/Deep.cs \
	Forms/Main.Designer.cs
git -C "$s" commit -q -m "ignored files, committed anyway"
git clone -q --bare "$s" "$dir/bare/alpha.git"
git -C "$dir/bare/alpha.git" remote remove origin

s=$dir/src/beta
cs "$s/App.cs" "$legacy"
commit "$s" release
git clone -q --bare "$s" "$dir/bare/beta.git"
git -C "$dir/bare/beta.git" remote set-url origin 'https://user:s3cret@git.example.com/org/beta.git?token=x'

s=$dir/src/clean
cs "$s/App.cs" "$modern"
commit "$s" main
git clone -q --bare "$s" "$dir/bare/clean.git"

s=$dir/src/broken
cs "$s/App.cs" "$legacy"
cs "$s/Other.cs" "$legacy // other"
commit "$s" main
# Every object loose (no pack), then one blob of HEAD's tree deleted.
git init -q --bare "$dir/bare/broken.git"
git -C "$s" pack-objects -q --all --stdout </dev/null >"$dir/src/broken.pack" <<<"$(git -C "$s" rev-list --objects --all | cut -d' ' -f1)"
git -C "$dir/bare/broken.git" unpack-objects -q <"$dir/src/broken.pack"
git -C "$dir/bare/broken.git" update-ref refs/heads/main "$(git -C "$s" rev-parse HEAD)"
git -C "$dir/bare/broken.git" symbolic-ref HEAD refs/heads/main
blob=$(git -C "$dir/bare/broken.git" rev-parse HEAD:Other.cs)
rm -f "$dir/bare/broken.git/objects/${blob:0:2}/${blob:2}"

s=$dir/src/nohead
cs "$s/App.cs" "$legacy"
commit "$s" main
git clone -q --bare "$s" "$dir/bare/nohead.git"
git -C "$dir/bare/nohead.git" symbolic-ref HEAD refs/heads/gone

s=$dir/work/gamma
cs "$s/src/Legacy.cs" "$legacy"
commit "$s" main

printf '# repositories to audit\nbare/\nwork/gamma\n\nnotarepo\nmissing\n' >"$dir/list"
