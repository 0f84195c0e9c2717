#!/bin/sh
# Short options standing alone (head -1, cut -3) and the download tools' names only inside
# longer words: libcurl, GIT_CURL_VERBOSE, wgetrc, inode, nodes. LT-SH-001's command names
# are `keywords-alone` words too, so the file is read but not parsed.
GIT_CURL_VERBOSE=1 git fetch origin
version=$(pkg-config --modversion libcurl | head -1 | cut -c1-3)
ls -1 ~/.wgetrc
stat -c %i build | cut -d' ' -f -3 >inode.txt
echo "$version nodes" >> inode.txt
