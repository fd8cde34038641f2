#!/usr/bin/env python3
"""Regenerates Sources/CatalyseCore/Territories/TerritoryTable.swift from data/territories.csv (INSEE list)."""
import csv, pathlib
root = pathlib.Path(__file__).resolve().parent.parent
rows = list(csv.DictReader(open(root / 'data/territories.csv', encoding='utf-8')))
regions = {r['region_code']: r['region_name'] for r in rows}
out = ['/// The INSEE list of régions and départements (Code officiel géographique), generated from',
       '/// `data/territories.csv` by `scripts/generate-territories.py`. Codes are text, never numbers.',
       'enum TerritoryTable {',
       '    /// (INSEE région code, name), in INSEE order.',
       '    static let regions: [(code: String, name: String)] = [']
out += [f'        ("{c}", "{regions[c]}"),' for c in sorted(regions)]
out += ['    ]',
        '    /// (INSEE département code, name, région code), in INSEE order.',
        '    static let departments: [(code: String, name: String, region: String)] = [']
out += [f'        ("{r["dept_code"]}", "{r["dept_name"]}", "{r["region_code"]}"),' for r in rows]
out += ['    ]', '}']
(root / 'Sources/CatalyseCore/Territories/TerritoryTable.swift').write_text('\n'.join(out) + '\n', encoding='utf-8')
