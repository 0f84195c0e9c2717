#!/bin/sh
# A download tool, and its legacy short options only inside longer words: LT-SH-001's
# `keywords-alone` words do not count there, so the file is read but not parsed.
curl -fsSL https://example.com/pkg-1.3-1.tar.gz -o pkg-1.3-1.tar.gz
retries=-10
mv build-3 build-3.old
