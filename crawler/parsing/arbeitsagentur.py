"""Bundesagentur für Arbeit "Jobsuche" API: one search result (+ its details) -> posting fields.

The API renamed its fields in 2026 (bundesAPI/jobsuche-api issue #69): the v6 search answers
``ergebnisliste`` items with ``referenznummer``, ``stellenangebotsTitel``, ``firma``,
``stellenlokationen[].adresse`` and ``externeURL``; the older v4 search answered ``stellenangebote``
items with ``refnr``, ``titel``, ``arbeitgeber``, ``arbeitsort``, ``aktuelleVeroeffentlichungsdatum``
and ``externeUrl``. Both spellings are read, details first, then the search item.

Dates: an ad the employer publishes again keeps its first publication date
(``datumErsteVeroeffentlichung``, v4 ``ersteVeroeffentlichungsdatum``) and gets a new current one
(``veroeffentlichungszeitraum.von``, v4 ``aktuelleVeroeffentlichungsdatum``). ``date_posted`` is the
first publication (when the job was first offered); a later current publication is kept as
history in ``field_conflicts["date_posted"]``: the first publication (kept, ``source_api``) and the
re-publication (``source_api``, with ``"note": "republished"``). Without a first publication date
the current one is ``date_posted``. ``apply_url`` (``externeURL``) loses its tracking parameters
(``utm_*`` and the like) as every stored URL does.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from crawler.parsing.dates import parse_date
from crawler.parsing.salary import parse_salary
from crawler.parsing.terms import contract_type_from_structured, employment_type_from_structured
from crawler.parsing.urls import canonical_url

PUBLIC_JOB_URL = "https://www.arbeitsagentur.de/jobsuche/jobdetail/{refnr}"
# v6 writes the Bundesland as an upper-case enum
_STATES = {
    "BADEN_WUERTTEMBERG": "Baden-Württemberg", "BAYERN": "Bayern", "BERLIN": "Berlin",
    "BRANDENBURG": "Brandenburg", "BREMEN": "Bremen", "HAMBURG": "Hamburg", "HESSEN": "Hessen",
    "MECKLENBURG_VORPOMMERN": "Mecklenburg-Vorpommern", "NIEDERSACHSEN": "Niedersachsen",
    "NORDRHEIN_WESTFALEN": "Nordrhein-Westfalen", "RHEINLAND_PFALZ": "Rheinland-Pfalz", "SAARLAND": "Saarland",
    "SACHSEN": "Sachsen", "SACHSEN_ANHALT": "Sachsen-Anhalt", "SCHLESWIG_HOLSTEIN": "Schleswig-Holstein",
    "THUERINGEN": "Thüringen",
}
_NOT_A_REGION = {"UEBERREGIONAL", "AUSLAND", "KEINE_ANGABE", "BUNDESWEIT"}
# Offer type: v6 names, v4 codes (1 Arbeit, 2 Selbständigkeit, 4 Ausbildung, 34 Praktikum/Trainee)
_OFFER_TYPE_CONTRACT = {"AUSBILDUNG": "apprenticeship", "4": "apprenticeship", "PRAKTIKUM_TRAINEE": "internship",
                        "PRAKTIKUM": "internship", "34": "internship", "SELBSTAENDIGKEIT": "freelance",
                        "2": "freelance"}
_V4_FIXED_TERM = {"1": "fixed_term", "2": "permanent"}  # v4 "befristung"
_PART_TIME_FLAGS = ("arbeitszeitTeilzeitVormittag", "arbeitszeitTeilzeitNachmittag", "arbeitszeitTeilzeitAbend",
                    "arbeitszeitTeilzeitFlexibel")
# private recruiters and temp agencies (Arbeitnehmerüberlassung) post for client employers
_AGENCY_FLAGS = ("istPrivateArbeitsvermittlung", "istArbeitnehmerUeberlassung")
_PAY_PERIODS = (("STUND", "hour"), ("TAG", "day"), ("WOCH", "week"), ("MONAT", "month"), ("JAHR", "year"))


def public_job_url(refnr: str) -> str:
    """The ad's public page on arbeitsagentur.de."""
    return PUBLIC_JOB_URL.format(refnr=refnr)


def _first(records: list[dict], *names: str) -> Any:
    """The first non-empty value of any of ``names`` in ``records`` (details before search item)."""
    for record in records:
        for name in names:
            value = record.get(name)
            if value not in (None, "", [], {}):
                return value
    return None


def _nested(records: list[dict], outer: str, inner: str) -> Any:
    for record in records:
        value = record.get(outer)
        if isinstance(value, dict) and value.get(inner) not in (None, ""):
            return value[inner]
    return None


def _addresses(records: list[dict]) -> list[dict]:
    """Work places: v6 ``stellenlokationen[].adresse``, v4 ``arbeitsort`` / ``arbeitsorte[]``."""
    for record in records:
        found = [entry["adresse"] for entry in record.get("stellenlokationen") or []
                 if isinstance(entry, dict) and isinstance(entry.get("adresse"), dict)]
        if isinstance(record.get("arbeitsort"), dict):
            found.append(record["arbeitsort"])
        found += [entry for entry in record.get("arbeitsorte") or [] if isinstance(entry, dict)]
        if found:
            return found
    return []


def _region_name(region: str | None) -> str | None:
    if not region or region.upper() in _NOT_A_REGION:
        return None
    return _STATES.get(region.upper(), region)


def _location_fields(addresses: list[dict]) -> dict[str, Any]:
    labels = []
    for address in addresses:
        place = " ".join(str(address.get(key) or "").strip() for key in ("plz", "ort")).strip()
        labels.append(place or _region_name(address.get("region")) or str(address.get("land") or "").strip())
    fields: dict[str, Any] = {"location_raw": "; ".join(dict.fromkeys(label for label in labels if label)) or None}
    for address in addresses:
        # As the API states them ("Köln", "50672", "DEUTSCHLAND"); complete_posting normalises them.
        stated = {"city": address.get("ort"), "postal_code": str(address["plz"]) if address.get("plz") else None,
                  "region": _region_name(address.get("region")), "country": address.get("land")}
        if any(stated.values()):
            fields.update({name: value.strip() if isinstance(value, str) else value for name, value in stated.items()})
            break
    return fields


def _employment_type(records: list[dict]) -> str | None:
    if _first(records, "arbeitszeitVollzeit") is True:
        return "full_time"
    if any(_first(records, flag) is True for flag in _PART_TIME_FLAGS):
        return "part_time"
    if _first(records, "istGeringfuegigeBeschaeftigung") is True:
        return "part_time"
    return employment_type_from_structured(_first(records, "arbeitszeitmodelle"))


def _contract_type(records: list[dict]) -> str | None:
    offer_type = str(_first(records, "stellenangebotsart", "angebotsart") or "").upper()
    if offer_type in _OFFER_TYPE_CONTRACT:
        return _OFFER_TYPE_CONTRACT[offer_type]
    duration = _first(records, "vertragsdauer")
    if duration:
        return contract_type_from_structured(str(duration))
    return _V4_FIXED_TERM.get(str(_first(records, "befristung") or ""))


def _workplace_type(records: list[dict]) -> str | None:
    models = _first(records, "arbeitszeitmodelle") or []
    if _first(records, "homeofficemoeglich") is True or "HEIM_TELEARBEIT" in models:
        return "hybrid"  # home office possible, next to a work place
    return None


def _salary_fields(records: list[dict]) -> dict[str, Any]:
    low, high = _first(records, "gehaltsspanneVon"), _first(records, "gehaltsspanneBis")
    kind = str(_first(records, "verguetungsangabe") or "")
    if isinstance(low, (int, float)) or isinstance(high, (int, float)):
        period = next((name for stem, name in _PAY_PERIODS if stem in kind.upper()), None)
        figures = "–".join(dict.fromkeys(f"{value:g}" for value in (low, high) if isinstance(value, (int, float))))
        # The Jobsuche states pay in euros only: it has no currency field and shows "€" on its pages.
        return {"salary_min": float(low) if isinstance(low, (int, float)) else None,
                "salary_max": float(high) if isinstance(high, (int, float)) else None,
                "salary_currency": "EUR", "salary_period": period,
                "salary_raw": " ".join(part for part in (figures, "EUR", kind) if part)}
    stated = _first(records, "verguetung")  # older details: free text ("3.200 € brutto monatlich")
    salary = parse_salary(stated) if isinstance(stated, str) else None
    if salary and (salary.min is not None or salary.max is not None):
        return {"salary_min": salary.min, "salary_max": salary.max, "salary_currency": salary.currency,
                "salary_period": salary.period, "salary_raw": salary.raw}
    return {}


def _date(value: Any, now: datetime) -> date | None:
    return parse_date(value, now) if isinstance(value, str) and value.strip() else None


def _publication_fields(records: list[dict], now: datetime) -> dict[str, Any]:
    """``date_posted`` from the first publication; a later re-publication as history."""
    first_raw = _first(records, "datumErsteVeroeffentlichung", "ersteVeroeffentlichungsdatum")
    current_raw = (_nested(records, "veroeffentlichungszeitraum", "von")
                   or _first(records, "aktuelleVeroeffentlichungsdatum"))
    first, current = _date(first_raw, now), _date(current_raw, now)
    if first is None:
        return {"date_posted": current, "date_posted_raw": current_raw if current else None}
    fields: dict[str, Any] = {"date_posted": first, "date_posted_raw": first_raw}
    if current is not None and current > first:
        fields["field_conflicts"] = {"date_posted": [
            {"value": first.isoformat(), "source": "source_api"},
            {"value": current.isoformat(), "source": "source_api", "note": "republished"},
        ]}
    return fields


def _apply_url(records: list[dict]) -> str | None:
    url = _first(records, "externeURL", "externeUrl")
    if not isinstance(url, str) or not url.strip():
        return None
    return canonical_url(url) if url.strip().lower().startswith(("http://", "https://")) else url.strip()


def posting_fields_from_ba(search_item: dict, details: dict | None, now: datetime) -> dict[str, Any]:
    """Posting fields (schema names) from one Jobsuche search item and, when fetched, its details.

    ``url`` is the ad's public page on arbeitsagentur.de; ``apply_url`` the employer's own page
    (``externeURL``) when the ad links to one. ``now`` resolves dates.
    """
    records = [record for record in (details, search_item) if isinstance(record, dict)]
    refnr = _first(records, "referenznummer", "refnr")
    agency = any(_first(records, flag) is True for flag in _AGENCY_FLAGS)
    fields: dict[str, Any] = {
        "source_id": str(refnr) if refnr else None,
        "url": public_job_url(str(refnr)) if refnr else None,
        "apply_url": _apply_url(records),
        # hauptberuf/beruf name the occupation, not the ad; only a last resort for a title
        "title_raw": _first(records, "stellenangebotsTitel", "titel", "hauptberuf", "beruf"),
        "description": _first(records, "stellenangebotsBeschreibung", "stellenbeschreibung"),
        "company": _first(records, "firma", "arbeitgeber"),
        "via_agency": agency or None,
        "employment_type": _employment_type(records),
        "contract_type": _contract_type(records),
        "workplace_type": _workplace_type(records),
        **_publication_fields(records, now),
        "start_date": _date(_nested(records, "eintrittszeitraum", "von") or _first(records, "eintrittsdatum"), now),
        "valid_through": _date(_nested(records, "veroeffentlichungszeitraum", "bis")
                               or _first(records, "laufzeitBis"), now),
    }
    fields.update(_location_fields(_addresses(records)))
    fields.update(_salary_fields(records))
    return {name: value for name, value in fields.items() if value not in (None, "", [])}
