"""Bundesagentur für Arbeit, the "Jobsuche" REST API: its base spider (search + details per ad) and
its field mapping.

Search: ``GET {base}/pc/v6/jobs?was=…&wo=…&umkreis=…&veroeffentlichtseit=…&page=1&size=100`` with the
public client id in ``X-API-Key: jobboerse-jobsuche``. Details: ``GET {base}/pc/v4/jobdetails/
{base64(refnr)}`` (the reference number in standard Base64; the old ``hashId`` no longer works).

The 10,000 cap: the API pages at most 10,000 results of one query (page × size ≤ 10,000) while
``maxErgebnisse`` still counts them all. A query over the cap is split into slices by one of the
facets its own answer carries (``facetten``): a facet is used only when its counts add up exactly
to ``maxErgebnisse`` — every ad counted once, none left out, the list not cut short — and the facet
name is also a search parameter (``berufsfeld``, then ``arbeitgeber``). Each slice is the same query
plus ``facet=value``; a slice still over the cap is split again by the next facet. When the slices'
own totals add up to less than the parent's, or no facet can split a query, the crawl says so
(warning, ``jobcrawl/arbeitsagentur/*`` stats) and the listing is not marked complete. Date windows
(``veroeffentlichtseit``) and places (``wo``/``umkreis``) cannot split a result set: the first only
has "published in the last N days", so windows nest; circles around places overlap and leave gaps.

Mapping: one search result (+ its details) -> posting fields.

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

import base64
import json
import math
from datetime import date, datetime, timezone
from typing import Any
from urllib.parse import quote, urlencode

from scrapy.http import Request
from scrapy.spidermiddlewares.httperror import HttpError

from crawler.bases.job_spider import JobSpider
from crawler.occupations.fields import named_occupation_fields
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
    # The occupation the employer chose from the Bundesagentur's list (v6 hauptberuf, v4 beruf).
    fields.update(named_occupation_fields(_first(records, "hauptberuf", "beruf")))
    return {name: value for name, value in fields.items() if value not in (None, "", [])}


SEARCH_PARAMETERS = ("was", "wo", "umkreis", "veroeffentlichtseit")
SLICING_FACETS = ("berufsfeld", "arbeitgeber")
RESULT_CAP = 10_000
PAGE_SIZE = 100  # the API's largest page; a larger size answers 400


def details_path(refnr: str) -> str:
    """The details path segment for a reference number: standard Base64, ``/`` and ``+`` escaped."""
    return quote(base64.b64encode(refnr.encode("utf-8")).decode("ascii"), safe="=")


def archived_answers(search_item: dict[str, Any], details: dict[str, Any] | None) -> bytes:
    """The raw page kept for one ad: its search item and its details, as the API sent them."""
    return json.dumps({"search": search_item, "details": details}, ensure_ascii=False).encode("utf-8")


def describe_query(query: dict[str, str]) -> str:
    """A query as readable parameters (``was=Koch, wo=Köln``), for messages and stats."""
    return ", ".join(f"{name}={value}" for name, value in query.items()) or "(all jobs)"


def failure_reason(failure) -> str:
    """What went wrong with a request: the HTTP status and the start of the answer, or the error."""
    if failure.check(HttpError):
        response = failure.value.response
        return f"HTTP {response.status} {response.text[:200] if hasattr(response, 'text') else ''}".strip()
    return failure.getErrorMessage()


def choose_slicing_facet(query: dict[str, str], facets: Any, total: int,
                         facet_names: tuple[str, ...] = SLICING_FACETS) -> tuple[str, list[str]] | None:
    """The facet that splits ``query`` into disjoint slices covering all ``total`` results, and its
    values (largest first), or None when no facet of the answer does."""
    if not isinstance(facets, dict):
        return None
    for name in facet_names:
        counts = (facets.get(name) or {}).get("counts") if isinstance(facets.get(name), dict) else None
        if name in query or not isinstance(counts, dict) or not counts:
            continue
        if not all(isinstance(count, int) and count > 0 for count in counts.values()):
            continue
        if sum(counts.values()) == total:
            return name, sorted(counts, key=lambda value: -counts[value])
    return None


class JobsucheSpider(JobSpider):
    """Base for searches in the Bundesagentur für Arbeit's Jobsuche.

    Arguments: ``-a was=QUERY`` and/or ``-a wo=PLACE``, ``-a umkreis=KM``, ``-a veroeffentlichtseit=DAYS``
    (0–100), ``-a base_url=URL`` (another host, for tests). Settings ``JOBCRAWL_ARBEITSAGENTUR_RESULT_CAP``
    and ``JOBCRAWL_ARBEITSAGENTUR_PAGE_SIZE`` change the cap and page size (tests, API changes).
    """

    default_base_url = "https://rest.arbeitsagentur.de/jobboerse/jobsuche-service"
    search_path = "/pc/v6/jobs"
    details_prefix = "/pc/v4/jobdetails/"
    api_key = "jobboerse-jobsuche"
    custom_settings = {"DOWNLOAD_DELAY": 0.5}  # the community's norm; the API answers bursts with 403

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.query = {name: str(kwargs[name]).strip() for name in SEARCH_PARAMETERS
                      if str(kwargs.get(name) or "").strip()}
        self.seen_refnrs: set[str] = set()
        self.open_search_pages = 0
        self.listing_gaps: list[str] = []
        self.splits: dict[str, dict[str, int]] = {}  # sliced query (as sorted JSON) -> totals

    @property
    def result_cap(self) -> int:
        return self.settings.getint("JOBCRAWL_ARBEITSAGENTUR_RESULT_CAP", RESULT_CAP)

    @property
    def page_size(self) -> int:
        return self.settings.getint("JOBCRAWL_ARBEITSAGENTUR_PAGE_SIZE", PAGE_SIZE)

    def argument_problem(self) -> str | None:
        """Why the arguments cannot work, or None."""
        if not ({"was", "wo"} & set(self.query)):
            return "give -a was=QUERY (job title or keywords) and/or -a wo=PLACE"
        if "umkreis" in self.query and not self.query["umkreis"].isdigit():
            return f"-a umkreis={self.query['umkreis']!r} is not a whole number of kilometres"
        days = self.query.get("veroeffentlichtseit")
        if days is not None and not (days.isdigit() and int(days) <= 100):
            return f"-a veroeffentlichtseit={days!r} must be a number of days from 0 to 100"
        return None

    async def start(self):
        problem = self.argument_problem()
        if problem:
            self.source_error(problem)
            return
        yield self.search_request(self.query, 1)

    # --------------------------------------------------------------------------- requests

    def api_headers(self) -> dict[str, str]:
        return {"X-API-Key": self.api_key, "Accept": "application/json"}

    def search_request(self, query: dict[str, str], page: int, parent: str | None = None) -> Request:
        """One page of one (sliced) query."""
        self.open_search_pages += 1
        parameters = {**query, "page": page, "size": self.page_size}
        return Request(f"{self.base_url}{self.search_path}?{urlencode(parameters)}", headers=self.api_headers(),
                       callback=self.parse_search, errback=self.search_failed, dont_filter=True,
                       meta={"query": query, "page": page, "parent": parent})

    def details_request(self, search_item: dict[str, Any], refnr: str) -> Request:
        return Request(f"{self.base_url}{self.details_prefix}{details_path(refnr)}", headers=self.api_headers(),
                       callback=self.parse_details, errback=self.details_failed,
                       meta={"search_item": search_item})

    # --------------------------------------------------------------------------- search

    def parse_search(self, response):
        """Page through a query, split it when it is over the cap, ask for each new ad's details."""
        query, page, parent = response.meta["query"], response.meta["page"], response.meta["parent"]
        try:
            answer = json.loads(response.text)
        except (ValueError, RecursionError) as error:
            self.search_page_lost(response.meta, f"the answer is not JSON ({error})")
            return
        total = answer.get("maxErgebnisse") if isinstance(answer, dict) else None
        if not isinstance(total, int):
            self.search_page_lost(response.meta, "the answer has no maxErgebnisse")
            return
        if page == 1:
            if parent is not None:
                self.count_slice(parent, total)
            if total > self.result_cap:
                split = choose_slicing_facet(query, answer.get("facetten"), total)
                if split:
                    yield from self.slice_query(query, total, *split)
                    self.search_page_done()
                    return
                self.note_gap(f"{describe_query(query)}: {total} results but only the first {self.result_cap} "
                              "can be paged and no facet splits the query", unreachable=total - self.result_cap)
            last_page = math.ceil(min(total, self.result_cap) / self.page_size)
            for next_page in range(2, last_page + 1):
                yield self.search_request(query, next_page)
        for item in answer.get("ergebnisliste") or answer.get("stellenangebote") or []:
            refnr = item.get("referenznummer") or item.get("refnr") if isinstance(item, dict) else None
            if not refnr:
                yield self.rejection(response.url, "search item without reference number", json.dumps(item))
                continue
            if refnr in self.seen_refnrs:
                self.crawler.stats.inc_value("jobcrawl/arbeitsagentur/duplicate_results")
                continue
            self.seen_refnrs.add(refnr)
            yield self.details_request(item, refnr)
        self.search_page_done()

    def slice_query(self, query: dict[str, str], total: int, facet: str, values: list[str]):
        """Ask for page 1 of each slice ``query + {facet: value}``."""
        key = json.dumps(query, sort_keys=True, ensure_ascii=False)
        self.logger.info("%s: %d results are over the %d cap; slicing by %s into %d queries",
                         describe_query(query), total, self.result_cap, facet, len(values))
        self.crawler.stats.inc_value("jobcrawl/arbeitsagentur/sliced_queries")
        self.splits[key] = {"total": total, "waiting": len(values), "sum": 0}
        for value in values:
            yield self.search_request({**query, facet: value}, 1, parent=key)

    def count_slice(self, parent: str, total: int) -> None:
        """Add a slice's total to its parent's; once all slices answered, check they cover it."""
        split = self.splits[parent]
        split["sum"] += total
        split["waiting"] -= 1
        if split["waiting"] == 0 and split["sum"] < split["total"]:
            self.note_gap(f"the slices of {describe_query(json.loads(parent))} cover {split['sum']} of its "
                          f"{split['total']} results",
                          unreachable=split["total"] - split["sum"])

    def search_failed(self, failure):
        self.search_page_lost(failure.request.meta, failure_reason(failure))

    def search_page_lost(self, meta: dict[str, Any], why: str) -> None:
        """A search page that gave nothing: the first one fails the run, any other leaves a gap."""
        query, page, parent = meta["query"], meta["page"], meta["parent"]
        if query == self.query and page == 1:
            self.listing_gaps.append("the first search page failed")
            self.source_error(f"the Jobsuche search failed for {describe_query(query)}: {why}")
        else:
            self.note_gap(f"page {page} of {describe_query(query)} failed: {why}")
            if page == 1 and parent is not None:
                self.count_slice(parent, 0)
        self.search_page_done()

    def note_gap(self, reason: str, unreachable: int = 0) -> None:
        """Record why the listing is incomplete (logged, counted, kept in stats)."""
        self.logger.warning("listing incomplete: %s", reason)
        self.listing_gaps.append(reason)
        self.crawler.stats.set_value("jobcrawl/arbeitsagentur/listing_gaps", " | ".join(self.listing_gaps)[:2000])
        if unreachable:
            self.crawler.stats.inc_value("jobcrawl/arbeitsagentur/unreachable_results", unreachable)

    def search_page_done(self) -> None:
        """One search page handled; after the last one the listing is complete unless it has gaps."""
        self.open_search_pages -= 1
        if self.open_search_pages == 0:
            self.listing_complete = not self.listing_gaps

    # --------------------------------------------------------------------------- details

    def parse_details(self, response):
        try:
            details = json.loads(response.text)
        except (ValueError, RecursionError):
            details = None
        yield self.ba_posting(response.meta["search_item"], details if isinstance(details, dict) else None)

    def details_failed(self, failure):
        # Ads vanish quickly (404); the search item alone still makes a posting.
        self.crawler.stats.inc_value("jobcrawl/arbeitsagentur/details_missing")
        yield self.ba_posting(failure.request.meta["search_item"], None)

    def ba_posting(self, search_item: dict[str, Any], details: dict[str, Any] | None):
        fields = posting_fields_from_ba(search_item, details, datetime.now(timezone.utc))
        url = fields.pop("url")
        return self.posting(url, raw_page=archived_answers(search_item, details), raw_content_type="application/json",
                            **fields)

    @classmethod
    def fields_from_archive(cls, body: bytes, url: str, content_type: str | None, crawled_at: datetime):
        """Known fields of an archived search item + details (for ``jobcrawl reparse``), or ``None``."""
        try:
            answers = json.loads(body)
        except ValueError:
            return None
        if not isinstance(answers, dict) or not isinstance(answers.get("search"), dict):
            return None
        fields = posting_fields_from_ba(answers["search"], answers.get("details"), crawled_at)
        fields.pop("url", None)
        return fields if fields.get("title_raw") else None
