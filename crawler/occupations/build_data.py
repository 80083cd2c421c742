"""One-off build of crawler/occupations/data/esco_occupations.json.gz from ESCO CSVs."""
import csv, gzip, json, re, sys
occ_path, isco_path, out = sys.argv[1:4]
occupations = []
for row in csv.DictReader(open(occ_path, encoding="utf-8")):
    alt = [a.strip() for a in row["altLabels"].split("\n") if a.strip()]
    definition = re.split(r"(?<=\.)\s", row["description"].strip(), maxsplit=1)[0]
    occupations.append({"uri": row["conceptUri"], "isco": row["iscoGroup"], "label_en": row["preferredLabel"],
                        "alt_en": alt, "description_en": definition[:300]})
groups = {row["code"]: row["preferredLabel"] for row in csv.DictReader(open(isco_path, encoding="utf-8"))}
payload = {"esco_version": "ESCO v1.0 (occupations pillar, English; latest modifiedDate 2020-06-11)",
           "occupations": sorted(occupations, key=lambda o: o["uri"]), "isco_groups": dict(sorted(groups.items()))}
with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as f:
    json.dump(payload, f, ensure_ascii=False, separators=(",", ":"))
print(len(occupations), len(groups))
