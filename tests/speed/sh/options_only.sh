#!/bin/sh
# Short options that look like the legacy ones of a download tool, on commands that are not
# one: the file holds LT-SH-001's first keyword group but not its second, and is not parsed.
ls -1 /etc
tail -3 /var/log/syslog
