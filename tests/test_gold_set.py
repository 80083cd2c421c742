"""Checks the parser's annotated ad sets themselves: shape, legal values, and that what they
expect really is in the ad. It never imports the parser.

tests/gold/ is the gold set that ``make eval`` reports; tests/gold_dev/ is a development set in
the same format and conventions (see tests/gold/README.md), used to find failure classes on ads
the gold set does not hold."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import ftfy
import pytest

TESTS_DIR = Path(__file__).parent
# What each annotated set must hold: its size and its mix of document formats.
GOLD_SETS = {
    "gold": {"min_ads": 60, "min_html": 12, "min_json_ld": 4, "min_microdata": 3,
             "min_board_pages": 3, "min_fragments": 3},
    "gold_dev": {"min_ads": 40, "min_html": 12, "min_json_ld": 4, "min_microdata": 3,
                 "min_board_pages": 3, "min_fragments": 3},
}
AD_NAME_RE = re.compile(r"^(\d{3})_[a-z0-9_]+\.(txt|html)$")

SCHEMA_FIELDS = {
    "source", "source_id", "url", "apply_url", "requisition_id", "crawled_at",
    "title", "title_raw", "seniority", "description", "responsibilities", "requirements",
    "benefits", "company_description", "skills", "experience_years_min", "education_level",
    "languages", "ad_language", "company", "via_agency", "location_raw", "city", "postal_code",
    "region", "country", "workplace_type", "employment_type", "contract_type", "salary_min",
    "salary_max", "salary_currency", "salary_period", "salary_raw", "date_posted",
    "date_posted_raw", "valid_through", "start_date",
}
SPECIAL_KEYS = {
    "skills_include", "skills_exclude", "description_contains", "description_excludes",
    "company_description_startswith",
}
ENUMS = {
    "seniority": {"intern", "junior", "mid", "senior", "lead", "executive"},
    "education_level": {"vocational", "degree", "bachelor", "master", "phd"},
    "workplace_type": {"onsite", "hybrid", "remote"},
    "employment_type": {"full_time", "part_time"},
    "contract_type": {
        "permanent", "fixed_term", "freelance", "internship", "apprenticeship", "working_student",
    },
    "salary_period": {"hour", "day", "week", "month", "year"},
}
LANGUAGE_LEVELS = {"basic", "good", "very_good", "fluent", "native", None}
DATE_FIELDS = {"date_posted", "valid_through", "start_date"}
ITEM_LIST_FIELDS = {"responsibilities", "requirements", "benefits"}
STRING_LIST_KEYS = ITEM_LIST_FIELDS | {
    "skills", "skills_include", "skills_exclude", "description_contains", "description_excludes",
}
REGIONS = {
    "DE": {
        "Baden-Württemberg", "Bayern", "Berlin", "Brandenburg", "Bremen", "Hamburg", "Hessen",
        "Mecklenburg-Vorpommern", "Niedersachsen", "Nordrhein-Westfalen", "Rheinland-Pfalz",
        "Saarland", "Sachsen", "Sachsen-Anhalt", "Schleswig-Holstein", "Thüringen",
    },
    "AT": {
        "Burgenland", "Kärnten", "Niederösterreich", "Oberösterreich", "Salzburg", "Steiermark",
        "Tirol", "Vorarlberg", "Wien",
    },
    "CH": {
        "Aargau", "Appenzell Ausserrhoden", "Appenzell Innerrhoden", "Basel-Landschaft",
        "Basel-Stadt", "Bern", "Freiburg", "Genève", "Glarus", "Graubünden", "Jura", "Luzern",
        "Neuchâtel", "Nidwalden", "Obwalden", "Schaffhausen", "Schwyz", "Solothurn",
        "St. Gallen", "Thurgau", "Ticino", "Uri", "Valais", "Vaud", "Zug", "Zürich",
    },
}
BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th",
    "section", "article", "header", "footer", "nav", "aside", "main", "dt", "dd", "title",
    "button", "option",
}


def _fold(text: str) -> str:
    """Collapse whitespace and fold typographic quotes, as the evaluation compares strings."""
    text = text.translate(str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "„": '"'}))
    return " ".join(text.split())


class _TextAndJsonLd(HTMLParser):
    """Visible text of a page (block tags break lines) plus the strings inside its JSON-LD."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.json_ld: list[str] = []
        self._script_type: str | None = None

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._script_type = dict(attrs).get("type", "") if tag == "script" else "style"
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._script_type = None
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if self._script_type == "application/ld+json":
            self.json_ld.append(data)
        elif self._script_type is None:
            self.parts.append(data)


def _json_strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _json_strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _json_strings(v)]
    return []


def _markup_to_text(markup: str) -> str:
    parser = _TextAndJsonLd()
    parser.feed(unescape(markup) if "&lt;" in markup else markup)
    return "".join(parser.parts)


def document_text(path: Path) -> str:
    """Everything a reader (or a structured-data consumer) can see in the ad, whitespace folded."""
    raw = ftfy.fix_text(path.read_text(encoding="utf-8"))
    if path.suffix == ".txt":
        return _fold(raw)
    parser = _TextAndJsonLd()
    parser.feed(raw)
    texts = ["".join(parser.parts)]
    for block in parser.json_ld:
        texts += [_markup_to_text(s) for s in _json_strings(json.loads(block))]
    return _fold("\n".join(texts))


def _ads(set_name: str) -> list[Path]:
    directory = TESTS_DIR / set_name
    return sorted(p for p in directory.iterdir() if p.suffix in (".txt", ".html"))


def _annotation(ad: Path) -> dict:
    return json.loads(ad.with_suffix(".json").read_text(encoding="utf-8"))


SET_ADS = {name: _ads(name) for name in GOLD_SETS}
ADS = [ad for name in GOLD_SETS for ad in SET_ADS[name]]
AD_IDS = [f"{p.parent.name}/{p.name}" for p in ADS]
SET_NAMES = list(GOLD_SETS)


@pytest.mark.parametrize("set_name", SET_NAMES)
def test_set_is_large_enough_and_numbered_uniquely(set_name):
    ads = SET_ADS[set_name]
    assert len(ads) >= GOLD_SETS[set_name]["min_ads"]
    numbers = [AD_NAME_RE.match(p.name).group(1) for p in ads if AD_NAME_RE.match(p.name)]
    assert len(numbers) == len(ads), "every ad is named NNN_<slug>.txt|html"
    assert len(set(numbers)) == len(numbers), "ad numbers are unique"


def test_sets_share_no_ad_numbers_or_documents():
    gold, dev = SET_ADS["gold"], SET_ADS["gold_dev"]
    assert not {p.name[:3] for p in gold} & {p.name[:3] for p in dev}
    assert not {p.read_bytes() for p in gold} & {p.read_bytes() for p in dev}


@pytest.mark.parametrize("set_name", SET_NAMES)
def test_every_annotation_has_its_ad(set_name):
    stems = {p.stem for p in SET_ADS[set_name]}
    orphans = [p.name for p in (TESTS_DIR / set_name).glob("*.json") if p.stem not in stems]
    assert orphans == []


@pytest.mark.parametrize("set_name", SET_NAMES)
def test_both_languages_are_well_represented(set_name):
    ads = SET_ADS[set_name]
    languages = [_annotation(p)["expected"]["ad_language"] for p in ads]
    assert languages.count("de") >= 0.4 * len(ads)
    assert languages.count("en") >= 0.4 * len(ads)


@pytest.mark.parametrize("set_name", SET_NAMES)
def test_formats_are_mixed(set_name):
    wanted = GOLD_SETS[set_name]
    html = [p.read_text(encoding="utf-8") for p in SET_ADS[set_name] if p.suffix == ".html"]
    assert len(html) >= wanted["min_html"]
    assert sum("application/ld+json" in page for page in html) >= wanted["min_json_ld"]
    assert sum('itemtype="http://schema.org/JobPosting"' in page
               or 'itemtype="https://schema.org/JobPosting"' in page
               for page in html) >= wanted["min_microdata"]
    assert sum("<nav" in page and "<footer" in page and "ld+json" not in page
               and "itemscope" not in page for page in html) >= wanted["min_board_pages"]
    assert sum("<html" not in page.lower() for page in html) >= wanted["min_fragments"], \
        "ATS-style fragments"


def test_seed_annotations_follow_issue_3():
    seed_0 = _annotation(SET_ADS["gold"][0])["expected"]
    seed_1 = _annotation(SET_ADS["gold"][1])["expected"]
    assert (seed_0["title"], seed_0["company"], seed_0["via_agency"], seed_0["city"]) == (
        "Junior Data Scientist/Machine Learning Engineer", None, True, "Köln")
    assert len(seed_0["requirements"]) == 6 and len(seed_0["responsibilities"]) == 6
    assert (seed_1["company"], seed_1["postal_code"], seed_1["date_posted"]) == (
        "ALDI Einkauf SE & Co. oHG", "45307", "2026-11-15")
    assert seed_1["experience_years_min"] == 5 and seed_1["salary_min"] is None


@pytest.mark.parametrize("ad", ADS, ids=AD_IDS)
def test_ad_size_and_annotation_shape(ad):
    assert 1000 <= ad.stat().st_size <= 6144, "ads are 1–6 KB"
    annotation = _annotation(ad)
    assert set(annotation) <= {"crawled_at", "url", "expected", "notes"}
    crawled_at = datetime.fromisoformat(annotation["crawled_at"])
    assert crawled_at.utcoffset() is not None, "crawled_at carries a UTC offset"
    assert annotation.get("url") is None or annotation["url"].startswith("https://")
    assert isinstance(annotation.get("notes"), str) and annotation["notes"].strip()
    expected = annotation["expected"]
    assert set(expected) <= SCHEMA_FIELDS | SPECIAL_KEYS
    assert {"title", "ad_language", "via_agency"} <= set(expected)


@pytest.mark.parametrize("ad", ADS, ids=AD_IDS)
def test_values_are_legal_per_schema(ad):
    expected = _annotation(ad)["expected"]
    for name, value in expected.items():
        assert value != "", f"{name}: unknown is null, never an empty string"
        if name in ENUMS and value is not None:
            assert value in ENUMS[name], f"{name}={value!r}"
        if name in DATE_FIELDS and value is not None:
            assert date.fromisoformat(value).isoformat() == value
        if name in STRING_LIST_KEYS:
            assert isinstance(value, list) and all(isinstance(s, str) and s.strip() for s in value)
            assert len(set(value)) == len(value), f"{name} has duplicates"
    assert isinstance(expected["via_agency"], bool)
    assert re.fullmatch(r"[a-z]{2}", expected["ad_language"])
    if expected.get("country") is not None:
        assert re.fullmatch(r"[A-Z]{2}", expected["country"])
    if expected.get("region") is not None:
        assert expected["region"] in REGIONS[expected["country"]]
    if expected.get("salary_currency") is not None:
        assert expected["salary_currency"] in {"EUR", "USD", "GBP", "CHF"}
    if expected.get("experience_years_min") is not None:
        assert isinstance(expected["experience_years_min"], int)
    if expected.get("via_agency"):
        assert expected.get("company") is None, "agency ads hide the employer"


@pytest.mark.parametrize("ad", ADS, ids=AD_IDS)
def test_salary_annotation_is_coherent(ad):
    expected = _annotation(ad)["expected"]
    low, high = expected.get("salary_min"), expected.get("salary_max")
    assert ("salary_min" in expected) == ("salary_max" in expected)
    assert (low is None) == (high is None), "one figure sets both min and max"
    if low is not None:
        assert all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (low, high))
        assert 0 < low <= high
        assert expected.get("salary_currency") is not None
    else:
        assert expected.get("salary_currency") is None and expected.get("salary_period") is None


@pytest.mark.parametrize("ad", ADS, ids=AD_IDS)
def test_languages_are_iso_codes_with_legal_levels(ad):
    languages = _annotation(ad)["expected"].get("languages", [])
    assert isinstance(languages, list)
    for entry in languages:
        assert set(entry) == {"language", "level"}
        assert re.fullmatch(r"[a-z]{2}", entry["language"])
        assert entry["level"] in LANGUAGE_LEVELS
    codes = [entry["language"] for entry in languages]
    assert len(set(codes)) == len(codes)


@pytest.mark.parametrize("ad", ADS, ids=AD_IDS)
def test_expected_text_occurs_in_the_ad(ad):
    expected = _annotation(ad)["expected"]
    text = document_text(ad)
    quoted = [expected[name] for name in ("title_raw", "postal_code", "company")
              if expected.get(name)]
    quoted += [item for name in ITEM_LIST_FIELDS for item in expected.get(name, [])]
    quoted += expected.get("description_contains", [])
    quoted += expected.get("description_excludes", [])
    if expected.get("company_description_startswith"):
        quoted.append(expected["company_description_startswith"])
    missing = [s for s in quoted if _fold(s) not in text]
    assert missing == []


@pytest.mark.parametrize("ad", ADS, ids=AD_IDS)
def test_relative_dates_are_not_after_the_crawl(ad):
    annotation = _annotation(ad)
    crawl_day = datetime.fromisoformat(annotation["crawled_at"]).date()
    posted = annotation["expected"].get("date_posted")
    if posted is not None:
        assert date.fromisoformat(posted) <= crawl_day
