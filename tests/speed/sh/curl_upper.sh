#!/bin/sh
# The command's name in capitals: the second group ignores case, like the command check.
CURL -1 https://example.com/
