#!/usr/bin/env bash
# Coverage-guided fuzzing of one CmkLint front end with SharpFuzz + AFL++.
#
#   tests/fuzz/run.sh <json|arm-expression|bicep> <seconds> [findings-dir]
#
# Installs AFL++ (Debian package afl++) and the SharpFuzz.CommandLine tool when missing, publishes the
# harness, instruments CmkLint.Rules.dll (the published copy only, never the build output the tests
# use), and runs afl-fuzz from the committed corpus for the given time under nice -n 19. Findings go
# to tests/fuzz/out/findings/<target> (git-ignored); the figures are in its default/fuzzer_stats.
# A crash or hang is reproduced with `dotnet tests/fuzz/out/bin/CmkLint.Fuzz.dll <target> < input`,
# fixed, and its input added to tests/fuzz/corpus/<target>/ (replayed by dotnet test).
set -euo pipefail

target="${1:?usage: run.sh <json|arm-expression|bicep> <seconds> [findings-dir]}"
seconds="${2:?usage: run.sh <target> <seconds> [findings-dir]}"
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/out"
findings="${3:-$out/findings/$target}"
case "$target" in json|arm-expression|bicep) ;; *) echo "unknown target: $target" >&2; exit 2 ;; esac

if ! command -v afl-fuzz >/dev/null; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq afl++
fi

tools="$out/tools"
if [ ! -x "$tools/sharpfuzz" ]; then
  dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$tools" >/dev/null
fi

# CMKLINT_FUZZ_NO_BUILD=1 reuses the instrumented build from an earlier run (same sources).
[ "${CMKLINT_FUZZ_NO_BUILD:-0}" = 1 ] && [ -f "$out/bin/CmkLint.Fuzz.dll" ] || "$here/build.sh"

export AFL_SKIP_BIN_CHECK=1            # the target is `dotnet`, not an afl-instrumented binary
export AFL_NO_UI=1
export AFL_SKIP_CPUFREQ=1
export AFL_NO_AFFINITY=1               # the machine is shared: do not pin a core
export AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
export AFL_SKIP_CRASHES=1
# A blow-up must end as a crash (OutOfMemoryException), not take the machine: 2 GB GC heap.
export DOTNET_GCHeapHardLimit=0x80000000
export DOTNET_TieredPGO=0

mkdir -p "$findings"
dict=()
[ -f "$here/dict/$target.dict" ] && dict=(-x "$here/dict/$target.dict")
exec nice -n 19 afl-fuzz -V "$seconds" -t 5000 -m none "${dict[@]}" \
  -i "$here/corpus/$target" -o "$findings" -- dotnet "$out/bin/CmkLint.Fuzz.dll" "$target"
