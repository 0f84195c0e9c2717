#!/bin/sh
# The short option quoted: it still stands alone, and the command is reported.
curl "-3" -o page.html https://old.example.com/
