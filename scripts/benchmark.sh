#!/usr/bin/env bash
# The performance benchmark of docs/performance.md: builds release binaries, installs fzf if
# needed, generates synthetic catalogues in a temporary folder (deleted afterwards), and prints
# Catalyse's figures and, side by side, fzf --filter, fzf --exact --filter and grep -i -c on an
# equivalent one-line-per-offer text export of the same catalogues, with ratios.
#   scripts/benchmark.sh                      # 1,000 / 10,000 / 100,000 / 1,000,000 offers
#   SIZES=1000,10000 RUNS=3 scripts/benchmark.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v fzf >/dev/null 2>&1; then
  echo "benchmark: installing fzf (Debian package) for the comparison"
  apt-get update -qq && apt-get install -y -qq fzf >/dev/null
fi
swift build -c release --product catalyse >/dev/null
swift build -c release --product catalyse-bench >/dev/null
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), fzf $(fzf --version | cut -d' ' -f1)"
exec .build/release/catalyse-bench run --sizes "${SIZES:-1000,10000,100000,1000000}" --runs "${RUNS:-5}" \
  --catalyse .build/release/catalyse --compare
