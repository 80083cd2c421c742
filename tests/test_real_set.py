"""Checks the real-ad corpus (tests/real/, see its README.md) itself, never the parser: every ad
pairs with its annotation, each annotation holds the keys the contract requires and the ad's
provenance, and no file comes from a repository reserved for independent evaluation.

The holdout part is checked for shape only: its ads are never read here beyond their names."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

REAL_DIR = Path(__file__).parent / "real"
# Every part: the development parts dev, dev2 … (each added in its own round) and the holdout.
PARTS = tuple(sorted(path.name for path in REAL_DIR.iterdir() if path.is_dir() and re.fullmatch(r"dev\d*|holdout", path.name)))
AD_SUFFIXES = (".html", ".md", ".txt")
NAME_RE = re.compile(r"^(?:de|en)_\d{3,4}_[a-z0-9_]+\.(?:html|md|txt)$")
# Keys every annotation states; the others are stated where a careful reader is certain
# (an absent key is not scored), and then must hold a legal value.
REQUIRED_EXPECTED = ("title", "via_agency", "ad_language")
ENUMS = {
    "workplace_type": {"onsite", "hybrid", "remote", None},
    "employment_type": {"full_time", "part_time", None},
    "contract_type": {"permanent", "fixed_term", "freelance", "internship", "apprenticeship",
                      "working_student", None},
    "salary_period": {"hour", "day", "week", "month", "year", None},
    "seniority": {"intern", "junior", "mid", "senior", "lead", "executive", None},
}
RESERVED_LISTS = (Path(__file__).parents[2] / "shared" / "notes" / "reserved-sources.md",
                  REAL_DIR / "reserved-sources.md")
REPOSITORY_RE = re.compile(r"^\s*[-*]\s+`?([A-Za-z0-9][\w.-]*/[\w.-]+)`?\s*$", re.MULTILINE)


def reserved_repositories() -> set[str]:
    """The reserved repositories (lower case): the shared list when present, else tests/real's copy."""
    for path in RESERVED_LISTS:
        if path.is_file():
            return {name.lower() for name in REPOSITORY_RE.findall(path.read_text(encoding="utf-8"))}
    return set()


def annotated_files() -> list[Path]:
    return sorted(path for part in PARTS if (REAL_DIR / part).is_dir()
                  for path in (REAL_DIR / part).iterdir() if path.suffix == ".json")


def ad_files() -> list[Path]:
    return sorted(path for part in PARTS if (REAL_DIR / part).is_dir()
                  for path in (REAL_DIR / part).iterdir() if path.suffix in AD_SUFFIXES)


def test_reserved_list_is_found():
    assert reserved_repositories(), f"no reserved-sources list in {[str(p) for p in RESERVED_LISTS]}"


@pytest.mark.parametrize("ad", ad_files(), ids=lambda path: f"{path.parent.name}/{path.name}")
def test_every_ad_has_an_annotation_and_a_conforming_name(ad):
    assert NAME_RE.match(ad.name), f"{ad.name}: expected <de|en>_<NNN>_<slug>.<html|md|txt>"
    assert ad.with_suffix(".json").is_file(), f"{ad.name} has no annotation"
    assert ad.stat().st_size > 0, f"{ad.name} is empty"


@pytest.mark.parametrize("annotation", annotated_files(), ids=lambda path: f"{path.parent.name}/{path.name}")
def test_every_annotation_is_complete(annotation):
    ads = [annotation.with_suffix(suffix) for suffix in AD_SUFFIXES if annotation.with_suffix(suffix).is_file()]
    assert len(ads) == 1, f"{annotation.name} pairs with {len(ads)} ad files"
    data = json.loads(annotation.read_text(encoding="utf-8"))
    assert {"crawled_at", "url", "provenance", "expected"} <= set(data), f"{annotation.name}: top-level keys"
    provenance = data["provenance"]
    assert provenance.get("repo") and "/" in provenance["repo"], f"{annotation.name}: provenance repo"
    assert provenance.get("path"), f"{annotation.name}: provenance path"
    commit = provenance.get("commit")
    assert commit is None or re.fullmatch(r"[0-9a-f]{40}", commit), f"{annotation.name}: commit {commit!r}"
    # A title no reader can state with certainty (a bilingual pair, a role named only in a PDF) is left
    # out, and the notes say so; every other required key is always stated.
    notes = str(data.get("notes", "")).lower()
    title_left_out = "title" in notes and "not annotated" in notes
    missing = [key for key in REQUIRED_EXPECTED if key not in data["expected"]
               and not (key == "title" and title_left_out)]
    assert not missing, f"{annotation.name}: expected lacks {missing}"
    expected = data["expected"]
    assert expected["ad_language"] == ads[0].name[:2], f"{annotation.name}: language prefix"
    if "title" in expected:
        assert isinstance(expected["title"], str) and expected["title"].strip(), f"{annotation.name}: title"
    for key, allowed in ENUMS.items():
        assert expected.get(key) in allowed, f"{annotation.name}: {key} {expected.get(key)!r}"
    for key in ("responsibilities_count", "requirements_count", "benefits_count"):
        assert key not in expected or (isinstance(expected[key], int) and expected[key] >= 0), key
    country = expected.get("country")
    assert country is None or re.fullmatch(r"[A-Z]{2}", country), f"{annotation.name}: country {country!r}"


@pytest.mark.parametrize("annotation", annotated_files(), ids=lambda path: f"{path.parent.name}/{path.name}")
def test_no_file_comes_from_a_reserved_repository(annotation):
    repo = json.loads(annotation.read_text(encoding="utf-8"))["provenance"].get("repo", "")
    assert repo.lower() not in reserved_repositories(), f"{annotation.name} comes from reserved {repo}"
