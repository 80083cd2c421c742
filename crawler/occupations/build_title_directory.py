"""One-off build of crawler/occupations/data/title_directory.tsv.gz: official directories of job
titles, each title with the ISCO-08 unit groups the official crosswalks give it.

    python crawler/occupations/build_title_directory.py "Alternate Titles.txt" \
        "Sample of Reported Titles.txt" Alphabetisches-Verzeichnis-Berufsbenennungen.xlsx \
        Umsteigeschluessel-KLDB2020-ISCO08.xlsx OUT

- English: O*NET's alternate titles (and their short forms) and sample of reported titles (O*NET
  27.0, each title with its O*NET-SOC 2019 code) through data/soc_isco08.tsv (the BLS SOC → ISCO-08 crosswalk, see
  data/SOURCES.md); a SOC code mapped to k unit groups gives each 1/k.
- German: the Bundesagentur's alphabetical directory of job titles (Berufsbenennungen, each with its
  KldB 2010 5-digit code) through the Bundesagentur's KldB 2010 → ISCO-08 conversion key
  (Umsteigeschlüssel), whose main match ('Schwerpunkt' 1) counts 1 and each alternative 1/4.

A title is keyed as the classifier reads a title (normalise.title_parts, the parts joined, hyphens
inside words joined as german_labels.label_key does), so "Abdichter/in (Dachdeckerei)" and
"Abdichter/in (Bauwerksabdichtung)" both count for "abdichter". Each key keeps the unit groups with
at least a tenth of its weight, as shares, heaviest first. Provenance in data/SOURCES.md.
"""

from __future__ import annotations

import csv
import gzip
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from crawler.occupations.build_soc_crosswalk import _xlsx_rows  # noqa: E402
from crawler.occupations.title_directory import directory_key, encode_groups  # noqa: E402

# A conversion key's alternative ISCO group counts this much beside its main match.
ALTERNATIVE_WEIGHT = 0.25
# Unit groups below this share of a title's weight are left out.
LEAST_SHARE = 0.1
SOC_CROSSWALK = Path(__file__).resolve().parent / "data" / "soc_isco08.tsv"


def _soc_groups() -> dict[str, list[str]]:
    rows = (line.rstrip("\n").split("\t") for line in SOC_CROSSWALK.open(encoding="utf-8") if not line.startswith("#"))
    return {code: groups.split(",") for code, groups in rows}


def english_titles(alternate_titles: str, reported_titles: str) -> dict[str, Counter]:
    """Key → ISCO-08 unit group → weight, from O*NET's two title files."""
    soc = _soc_groups()
    weights: dict[str, Counter] = defaultdict(Counter)
    for path, column in ((alternate_titles, "Alternate Title"), (reported_titles, "Reported Job Title")):
        with open(path, encoding="utf-8") as file:
            for row in csv.DictReader(file, delimiter="\t", quoting=csv.QUOTE_NONE):
                groups = soc.get(row["O*NET-SOC Code"][:7])
                # The alternate titles' short forms ("RN Teacher" of "Registered Nurse Teacher").
                short = row.get("Short Title", "n/a")
                for title in (row[column], *([short] if short and short != "n/a" else [])):
                    key = directory_key(title, german=False)
                    if groups and key:
                        for group in groups:
                            weights[key][group] += 1 / len(groups)
    return weights


def german_titles(directory_xlsx: str, conversion_xlsx: str) -> dict[str, Counter]:
    """Key → ISCO-08 unit group → weight, from the Bundesagentur's directory and conversion key."""
    conversion: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for row in _xlsx_rows(conversion_xlsx, "sheet2"):
        # KldB code, its name (German, English), ISCO code, its name (German, English), unique, main.
        if len(row) >= 8 and len(row[0]) == 5 and row[0].isdigit() and len(row[3]) == 4 and row[3].isdigit():
            conversion[row[0]].append((row[3], 1.0 if row[7].strip() == "1" else ALTERNATIVE_WEIGHT))
    weights: dict[str, Counter] = defaultdict(Counter)
    for row in _xlsx_rows(directory_xlsx, "sheet2"):
        if len(row) >= 2 and len(row[1]) == 5 and row[1] in conversion:
            key = directory_key(row[0], german=True)
            if key:
                for group, weight in conversion[row[1]]:
                    weights[key][group] += weight
    return weights


def main() -> None:
    alternate_titles, reported_titles, directory_xlsx, conversion_xlsx, out = sys.argv[1:6]
    lines = []
    for language, weights in (("en", english_titles(alternate_titles, reported_titles)),
                              ("de", german_titles(directory_xlsx, conversion_xlsx))):
        for key, groups in weights.items():
            total = sum(groups.values())
            shares = [(group, weight / total) for group, weight in groups.most_common() if weight / total >= LEAST_SHARE]
            lines.append(f"{language} {key}\t{encode_groups(shares)}")
    lines.sort()
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as file:
        file.write("\n".join(lines) + "\n")
    print(len(lines), "titles:", sum(line.startswith("en ") for line in lines), "English,",
          sum(line.startswith("de ") for line in lines), "German")


if __name__ == "__main__":
    main()
