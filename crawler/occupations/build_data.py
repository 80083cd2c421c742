"""One-off build of crawler/occupations/data/esco_occupations.json.gz from ESCO CSVs.

    python crawler/occupations/build_data.py occupations_en.csv ISCOGroups_en.csv OUT \
        [corpus_elements.tsv concept_mapping.tsv]

The optional last two files give the German labels: the MELO benchmark's German ESCO corpus
(Avature/melo-benchmark, data/processed/melo/deu_q_de_c_de/), one label a line keyed
'C<concept>_de_<n>' (n 000 the preferred label, the others the alternative labels, as ESCO's
occupations_de.csv holds them), and the mapping of those keys to ESCO concept URIs. German labels
are kept for the occupations of the English file only, keyed by their concept URI, so a German label
names the same occupation and ISCO-08 unit group as the English ones.
"""
import csv, gzip, json, re, sys
occ_path, isco_path, out = sys.argv[1:4]
german: dict[str, dict] = {}
if len(sys.argv) > 5:
    uri_of = dict(line.rstrip("\n").split("\t") for line in open(sys.argv[5], encoding="utf-8"))
    for line in open(sys.argv[4], encoding="utf-8"):
        key, label = line.rstrip("\n").split("\t")
        labels = german.setdefault(uri_of[key], {"label": "", "alt": []})
        if key.endswith("_de_000"):
            labels["label"] = label
        else:
            labels["alt"].append(label)
occupations = []
for row in csv.DictReader(open(occ_path, encoding="utf-8")):
    alt = [a.strip() for a in row["altLabels"].split("\n") if a.strip()]
    definition = re.split(r"(?<=\.)\s", row["description"].strip(), maxsplit=1)[0]
    occupation = {"uri": row["conceptUri"], "isco": row["iscoGroup"], "label_en": row["preferredLabel"],
                  "alt_en": alt, "description_en": definition[:300]}
    if row["conceptUri"] in german:
        occupation["label_de"] = german[row["conceptUri"]]["label"]
        occupation["alt_de"] = german[row["conceptUri"]]["alt"]
    occupations.append(occupation)
groups = {row["code"]: row["preferredLabel"] for row in csv.DictReader(open(isco_path, encoding="utf-8"))}
version = "ESCO v1.0 (occupations pillar, English; latest modifiedDate 2020-06-11)"
if german:
    version = ("ESCO v1.0 (occupations pillar: English v1.0.8, latest modifiedDate 2020-06-11; "
               "German labels v1.0.3, from the MELO benchmark's ESCO corpus)")
payload = {"esco_version": version,
           "occupations": sorted(occupations, key=lambda o: o["uri"]), "isco_groups": dict(sorted(groups.items()))}
with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as f:
    json.dump(payload, f, ensure_ascii=False, separators=(",", ":"))
print(len(occupations), len(groups), sum("label_de" in o for o in occupations))
