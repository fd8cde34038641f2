#!/usr/bin/env bash
# Writes the manual pages from the command line itself (`catalyse --generate-manual`, rendered
# from swift-argument-parser's description of the commands, Sources/catalyse/Localisation/
# ManualPage.swift): docs/man/catalyse.1 in English, docs/man/catalyse.fr.1 in French.
# With --check, writes nothing and fails if the checked-in pages are not current (.ci/run).
# Usage: scripts/generate-manual.sh [--check] [path/to/catalyse]
set -euo pipefail
cd "$(dirname "$0")/.."
check=0
if [ "${1:-}" = "--check" ]; then check=1; shift; fi
bin="${1:-}"
if [ -z "$bin" ]; then
  swift build --product catalyse >/dev/null
  bin="$(swift build --show-bin-path)/catalyse"
fi
mkdir -p docs/man
status=0
for lang in en fr; do
  target=docs/man/catalyse.1
  [ "$lang" = fr ] && target=docs/man/catalyse.fr.1
  made="$(mktemp)"
  LC_ALL=C.UTF-8 "$bin" --generate-manual --lang "$lang" >"$made"
  if [ "$check" = 1 ]; then
    if ! cmp -s "$made" "$target"; then
      echo "generate-manual: $target is not current; run scripts/generate-manual.sh" >&2
      diff -u "$target" "$made" | head -40 >&2 || true
      status=1
    fi
    rm -f "$made"
  else
    mv "$made" "$target"
    chmod 644 "$target"
    echo "wrote $target"
  fi
done
exit "$status"
