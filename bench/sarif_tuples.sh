#!/usr/bin/env bash
# sarif_tuples.sh LOG.sarif: one line per result, (rule, file, line, message), sorted: the
# form in which two scans' findings are compared (`diff <(sarif_tuples.sh a) <(sarif_tuples.sh b)`).
set -euo pipefail
jq -r '.runs[].results[] | [.ruleId, (.locations[0].physicalLocation.artifactLocation.uri // ""),
  (.locations[0].physicalLocation.region.startLine // 0), .message.text] | @tsv' "${1:?usage: sarif_tuples.sh LOG.sarif}" | LC_ALL=C sort
