#!/usr/bin/env bash
# Times commands alternately, ROUNDS rounds each, in DIR, and prints each one's median wall time, CPU time
# (user + sys) and peak RSS. On a machine whose speed drifts (a shared VM), two builds compared this way see the
# same minutes; compare.sh's runs, one after another, do not (docs/performance.md).
# Usage: bench/interleave.sh ROUNDS DIR "label=command" "label=command" ...   (commands run in DIR: absolute paths)
#   bench/interleave.sh 10 ../shared/corpus/avm "before=/tmp/old/cmklint --no-color ." "after=$PWD/bench/out/cmklint-native/cmklint --no-color ."
set -euo pipefail
rounds=$1 dir=$2
shift 2
times=$(mktemp)
trap 'rm -f "$times"' EXIT
cd "$dir"
for _ in $(seq "$rounds"); do
  for spec in "$@"; do
    /usr/bin/time -f "${spec%%=*} %e %U %S %M" -a -o "$times" bash -c "${spec#*=} >/dev/null 2>&1" || true
  done
done
python3 - "$times" <<'PY'
import collections, statistics, sys
runs = collections.defaultdict(list)
for line in open(sys.argv[1]):
    parts = line.split()
    if len(parts) == 5:
        runs[parts[0]].append((float(parts[1]), float(parts[2]) + float(parts[3]), int(parts[4]) // 1024))
for label, values in runs.items():
    wall = [v[0] for v in values]; cpu = [v[1] for v in values]; rss = [v[2] for v in values]
    print(f"{label:14s} wall median {statistics.median(wall):.3f} s (min {min(wall):.2f}, max {max(wall):.2f})"
          f"  CPU median {statistics.median(cpu):.2f} s  peak RSS median {statistics.median(rss):.0f} MB (max {max(rss)})  n={len(values)}")
PY
