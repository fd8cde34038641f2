#!/usr/bin/env bash
# The performance benchmark of docs/performance.md: builds release binaries, installs fzf if
# needed, generates synthetic catalogues in a temporary folder (deleted afterwards), and prints
# Catalyse's figures and, side by side, fzf --filter, fzf --exact --filter and grep -i -c on an
# equivalent one-line-per-offer text export of the same catalogues, with ratios.
#   scripts/benchmark.sh                      # 1,000 / 10,000 / 100,000 / 1,000,000 offers
#   SIZES=1000,10000 RUNS=3 scripts/benchmark.sh
#   SIZES= scripts/benchmark.sh               # only the realistic rows (REALISTIC=0: without them)
# The realistic rows (issue #21): the shipped catalogue multiplied to 2,000 and 10,000 offers
# (REALISTIC_SIZES) as YAML and JSON, `catalyse list` cold and cached on each, against the
# libyaml event floor of the same file (scripts/yaml-floor.c, compiled here with gcc) and
# fzf --exact --filter, in one run. They need gcc, libyaml-dev and python3-yaml.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v fzf >/dev/null 2>&1; then
  echo "benchmark: installing fzf (Debian package) for the comparison"
  apt-get update -qq && apt-get install -y -qq fzf >/dev/null
fi
# The binary as README's "Installing" section builds it: Swift's runtime and Foundation linked in
# (--static-swift-stdlib), which saves the dynamic loader most of a start (docs/performance.md).
swift build -c release --static-swift-stdlib --product catalyse >/dev/null
swift build -c release --static-swift-stdlib --product catalyse-bench >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ "${REALISTIC:-1}" != 0 ]; then
  gcc -O2 -o "$tmp/yaml-floor" scripts/yaml-floor.c -lyaml
  files=()
  for n in ${REALISTIC_SIZES:-2000 10000}; do
    python3 scripts/realistic-catalogue.py "$n" "$tmp/shipped-x$n.yaml" "$tmp/shipped-x$n.json" >/dev/null
    files+=("$tmp/shipped-x$n.yaml" "$tmp/shipped-x$n.json")
  done
  .build/release/catalyse-bench realistic --floor "$tmp/yaml-floor" --runs "${RUNS:-5}" --catalyse .build/release/catalyse "${files[@]}"
  echo
fi
[ -n "${SIZES-x}" ] || exit 0
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), fzf $(fzf --version | cut -d' ' -f1)"
.build/release/catalyse-bench run --sizes "${SIZES:-1000,10000,100000,1000000}" --runs "${RUNS:-5}" \
  --catalyse .build/release/catalyse --compare
