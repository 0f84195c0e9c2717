#!/bin/sh
# The download tool by its path, and node through NODE_OPTIONS: both are read as commands.
/usr/bin/curl -1 https://example.com/
export NODE_OPTIONS="--tls-min-v1.0"
