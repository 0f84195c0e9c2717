# .NET projects and registry files (issue 5): the project model and its cross-file rules.
# The fixture run (fixtures.cmake) checks every finding; these check what annotations cannot:
# determinism across thread counts, repository scope, facts gathered with per-file rules off,
# and the related locations of LT-NET-004.
set(DOTNET_FIXTURES ${CMAKE_SOURCE_DIR}/fixtures/dotnet)
foreach(bin IN LISTS TLSLINT_FLAVOURS)
  set(exe $<TARGET_FILE:${bin}>)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/dotnet-${bin})

  # Post-scan analyzers see facts in file order: one thread or eight, the same report.
  add_test(NAME ${bin}/dotnet-deterministic
           COMMAND sh -c "mkdir -p '${out}' && \
             '${exe}' scan -q -j1 -f json -o '${out}/j1.json' --fail-on none fixtures/dotnet && \
             '${exe}' scan -q -j8 -f json -o '${out}/j8.json' --fail-on none fixtures/dotnet && \
             cmp '${out}/j1.json' '${out}/j8.json'"
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})

  # The web site is opted in by deploy/*.reg; without that file LT-NET-004 appears, on the
  # httpRuntime/compilation target and not on packages.config.
  add_test(NAME ${bin}/dotnet-website-without-reg
           COMMAND sh -c "'${exe}' scan -q -f text --fail-on none --exclude deploy fixtures/dotnet/website | \
             grep -q 'web.config:8:49: warning: .*LT-NET-004'"
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})

  # A .reg opt-in counts only inside its own repository (the nearest .sln or .git above it):
  # the legacy project next door is still reported.
  add_test(NAME ${bin}/dotnet-repository-scope
           COMMAND sh -c "'${exe}' scan -q -f text --fail-on none fixtures/dotnet | \
             grep -q 'legacy-no-opt-in/Billing/Billing.csproj:11:29: warning: .*LT-NET-004'"
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})

  # LT-NET-004 alone finds what it finds with every rule on: the XML, .reg, PowerShell and C#
  # files are still read for facts, and the C# rules whose values are evidence still run.
  add_test(NAME ${bin}/dotnet-net004-alone
           COMMAND sh -c "'${exe}' scan -q -f text --fail-on none fixtures/dotnet | \
             grep '\\[LT-NET-004\\]' > '${out}-all.txt' && \
             '${exe}' scan -q -f text --fail-on none \
             --disable LT-NET-001 --disable LT-NET-002 --disable LT-NET-003 --disable LT-NET-005 \
             --disable LT-REG-001 --disable LT-REG-002 --disable LT-REG-003 \
             --disable LT-CS-001 --disable LT-CS-006 fixtures/dotnet | \
             grep '\\[LT-' > '${out}-alone.txt' && \
             cmp '${out}-all.txt' '${out}-alone.txt' && \
             grep -q 'Billing.csproj:11:29: .*LT-NET-004' '${out}-alone.txt' && \
             grep -q 'Directory.Build.props:7:22: .*LT-NET-004' '${out}-alone.txt' && \
             grep -q 'Monikers.csproj:9:23: .*LT-NET-004' '${out}-alone.txt'"
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})

  # The evidence looked at is listed as SARIF related locations: both projects inheriting the
  # Directory.Build.props, and the configuration file that does not opt in.
  add_test(NAME ${bin}/dotnet-net004-related
           COMMAND sh -c "'${exe}' scan -q -f sarif --fail-on none fixtures/dotnet/props-inherited-legacy > '${out}-related.sarif' && \
             grep -q 'Api/Api.csproj' '${out}-related.sarif' && \
             grep -q 'Worker/Worker.csproj' '${out}-related.sarif' && \
             grep -q 'Worker/Worker.exe.config' '${out}-related.sarif' && \
             grep -q '\"relatedLocations\"' '${out}-related.sarif'"
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
endforeach()

foreach(bin IN LISTS TLSLINT_FLAVOURS)
  # The PowerShell provisioning script is what opts the agent in: without it, LT-NET-004.
  add_test(NAME ${bin}/dotnet-powershell-evidence
           COMMAND sh -c "'$<TARGET_FILE:${bin}>' scan -q -f text --fail-on none --exclude build fixtures/dotnet/powershell-opt-in | \
             grep -q 'Agent.csproj:8:29: warning: .*LT-NET-004' && \
             ! '$<TARGET_FILE:${bin}>' scan -q -f text --fail-on none fixtures/dotnet/powershell-opt-in | grep -q LT-NET-004"
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
endforeach()
