#!/usr/bin/env bash
# Minimises a target's corpus with afl-cmin: the committed corpus plus what a run found (its queue and
# crashes) become the smallest set with the same coverage, written back to tests/fuzz/corpus/<target>/.
#
#   tests/fuzz/minimize.sh <json|arm-expression|bicep> [findings-dir]
set -euo pipefail
target="${1:?usage: minimize.sh <target> [findings-dir]}"
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/out"
findings="${2:-$out/findings/$target}"
[ -x "$out/bin/CmkLint.Fuzz.dll" ] || [ -f "$out/bin/CmkLint.Fuzz.dll" ] || "$here/build.sh"

export AFL_SKIP_BIN_CHECK=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
export DOTNET_GCHeapHardLimit=0x80000000
# afl-cmin refuses to work in /tmp: the scratch folders are under out/.
pool="$out/cmin/$target-pool"; minimal="$out/cmin/$target-min"
rm -rf "$pool" "$minimal"; mkdir -p "$pool"
trap 'rm -rf "$pool" "$minimal"' EXIT
# Inputs that once crashed (crash-*) stay in the corpus as they are, named for what they found.
find "$here/corpus/$target" -maxdepth 1 -type f ! -name 'crash-*' -exec cp {} "$pool/" \;
for dir in "$findings"/default/queue "$findings"/default/crashes "$findings"/default/hangs; do
  [ -d "$dir" ] && find "$dir" -maxdepth 1 -type f -name 'id:*' -exec cp {} "$pool/" \;
done
# afl-cmin keeps one smallest input per coverage tuple; file names become their content hash.
nice -n 19 afl-cmin -t 5000 -m none -i "$pool" -o "$minimal" -- "$(readlink -f "$(command -v dotnet)")" "$out/bin/CmkLint.Fuzz.dll" "$target"
find "$here/corpus/$target" -maxdepth 1 -type f ! -name 'crash-*' -delete
for f in "$minimal"/*; do
  cp "$f" "$here/corpus/$target/$(sha1sum "$f" | cut -c1-16)"
done
echo "corpus/$target: $(ls "$here/corpus/$target" | wc -l) files"
