#!/usr/bin/env python3
"""The realistic rows of scripts/benchmark.sh: the shipped catalogue (data/catalogue.yaml, 75
offers, about 1.45 KB of text per offer) multiplied to at least N offers, as YAML (the shipped
file's own text, its firms block repeated with ids made unique: `-c2`, `-c3`…) and as the same
catalogue in JSON (every value the text written in the YAML; true and false as JSON's).
    scripts/realistic-catalogue.py N OUT.yaml OUT.json   # prints the number of offers
"""
import json
import re
import sys

import yaml


def multiplied(text, copies):
    head, firms = text.split("\nfirms:\n", 1)
    out = [head, "\nfirms:\n", firms]
    for k in range(2, copies + 1):
        block = re.sub(r"^(  - id: |      - id: )(\S+)$", lambda m: f"{m.group(1)}{m.group(2)}-c{k}", firms, flags=re.M)
        out.append(block if block.endswith("\n") else block + "\n")
    return "".join(out)


class TextLoader(yaml.SafeLoader):
    """Every scalar as the text written (`01` stays "01"), except true and false."""


def _scalar(loader, node):
    value = loader.construct_scalar(node)
    if node.style is None and value in ("true", "false"):
        return value == "true"
    return value


TextLoader.add_constructor("tag:yaml.org,2002:str", _scalar)
for tag in ("bool", "int", "float", "null", "timestamp"):
    TextLoader.add_constructor(f"tag:yaml.org,2002:{tag}", _scalar)


def main():
    n, yaml_path, json_path = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    with open("data/catalogue.yaml", encoding="utf-8") as f:
        shipped = f.read()
    per_copy = len(re.findall(r"^      - id: ", shipped, flags=re.M))
    copies = -(-n // per_copy)
    text = multiplied(shipped, copies)
    with open(yaml_path, "w", encoding="utf-8") as f:
        f.write(text)
    tree = yaml.load(text, Loader=TextLoader)
    with open(json_path, "w", encoding="utf-8") as f:
        json.dump(tree, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(per_copy * copies)


if __name__ == "__main__":
    main()
