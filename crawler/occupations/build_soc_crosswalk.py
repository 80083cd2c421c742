"""One-off build of crawler/occupations/data/soc_isco08.tsv (SOC code → ISCO-08 unit groups).

    python crawler/occupations/build_soc_crosswalk.py soc10_isco08.dta 2010_to_2019_Crosswalk.xlsx OUT

soc10_isco08.dta is the BLS SOC 2010 → ISCO-08 crosswalk as prepared by IBS (read with pandas,
which this script alone needs); the xlsx is O*NET's O*NET-SOC 2010 → 2019 crosswalk, so that codes
of either release (15-1132 and 15-1252 for software developers) find their ISCO groups.
Provenance in crawler/occupations/data/SOURCES.md.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
import zipfile
from collections import defaultdict

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def _xlsx_rows(path: str, sheet: str = "sheet1") -> list[list[str]]:
    """A sheet's rows as text (the standard library reads the workbook's XML); each cell in the
    column its reference names, so a row with empty cells left out keeps its columns."""
    with zipfile.ZipFile(path) as workbook:
        strings = ["".join(t.text or "" for t in item.iter(f"{_MAIN}t"))
                   for item in ET.fromstring(workbook.read("xl/sharedStrings.xml")).findall(f"{_MAIN}si")]
        root = ET.fromstring(workbook.read(f"xl/worksheets/{sheet}.xml"))
    rows = []
    for row in root.iter(f"{_MAIN}row"):
        cells: list[str] = []
        for cell in row.findall(f"{_MAIN}c"):
            value = cell.find(f"{_MAIN}v")
            text = "" if value is None else value.text or ""
            if cell.get("t") == "s" and text:
                text = strings[int(text)]
            elif cell.get("t") == "inlineStr":
                text = "".join(t.text or "" for t in cell.iter(f"{_MAIN}t"))
            letters = "".join(ch for ch in cell.get("r", "") if ch.isalpha())
            column = 0
            for letter in letters:
                column = column * 26 + ord(letter.upper()) - 64
            cells.extend([""] * (max(column - 1, len(cells)) - len(cells)))
            cells.append(text)
        rows.append(cells)
    return rows


def main() -> None:
    import pandas  # build-time only

    dta_path, xlsx_path, out = sys.argv[1:4]
    table = pandas.read_stata(dta_path)
    by_soc10: dict[str, set[str]] = defaultdict(set)
    for soc, isco in zip(table["soc10"], table["isco08"]):
        digits = str(int(soc))
        by_soc10[f"{digits[:2]}-{digits[2:]}"].add(f"{int(isco):04d}")
    groups: dict[str, set[str]] = defaultdict(set)
    for code, isco in by_soc10.items():
        groups[code] |= isco
    for row in _xlsx_rows(xlsx_path)[3:]:  # title lines and the header first
        if len(row) >= 3 and row[0][:7] in by_soc10:
            groups[row[2][:7]] |= by_soc10[row[0][:7]]
    lines = ["# SOC code (O*NET-SOC 2010 and 2019, 6 digits)\tISCO-08 unit groups",
             *(f"{code}\t{','.join(sorted(isco))}" for code, isco in sorted(groups.items()))]
    with open(out, "w", encoding="utf-8") as file:
        file.write("\n".join(lines) + "\n")
    print(len(groups), "SOC codes,", sum(len(v) == 1 for v in groups.values()), "to one ISCO unit group")


if __name__ == "__main__":
    main()
