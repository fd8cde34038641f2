#!/usr/bin/env python3
# A changed copy of a synthetic catalogue (`catalyse-bench generate`, one offer per line): the
# durations of 100 offers changed and 26 offers removed, for the figures of issue 20 in
# docs/performance.md. Usage: scripts/changed-copy.py IN.json OUT.json
import sys, re
src, dst = sys.argv[1], sys.argv[2]
lines = open(src, encoding="utf-8").read().split("\n")
offer_lines = [k for k, l in enumerate(lines) if l.startswith('{"id":"cabinet-synthetique-') and '-offre-' in l.split(',')[0]]
n = len(offer_lines)
step = n // 130
changed = set(offer_lines[step * i] for i in range(100))
removed = set()
for i in range(26):
    k = step * i + step // 2
    while lines[offer_lines[k]].endswith(']},'): k += 1
    removed.add(offer_lines[k])
assert all(not lines[k].endswith(']},') for k in removed), 'a removed offer is the last of its firm'
out = []
for k, l in enumerate(lines):
    if k in removed:
        continue
    if k in changed:
        l2 = re.sub(r'"duration":"[^"]*"', '"duration":"dix-huit mois et demi"', l, count=1)
        assert l2 != l
        l = l2
    out.append(l)
text = "\n".join(out)
# a removed last offer of a firm would leave a dangling comma: fix ",\n]" 
text = re.sub(r',\n\]', '\n]', text)
open(dst, "w", encoding="utf-8").write(text)
print(n, "offers;", len(changed), "changed,", len(removed), "removed")
