"""The building blocks of the sample board: places, employers, roles, ad specs and composed ads."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Place:
    """A city with the address parts an ad may state."""

    name: str
    """Local name, the value a parser must return (``Köln``)."""
    english_name: str
    postal_code: str
    region: str
    country: str
    street: str


@dataclass(frozen=True)
class Employer:
    """A (made-up) hiring company or recruitment agency."""

    name: str
    about: str
    website: str
    agency: bool = False


@dataclass(frozen=True)
class Role:
    """A job with the text pools its ads are composed from."""

    lang: str
    base_title: str
    summary: str
    """Sentence introducing the role; ``{title}`` is replaced by the raw title."""
    tasks: tuple[str, ...]
    profile: tuple[str, ...]
    experience: str | None = None
    """Requirement line with a ``{years}`` slot, used when the ad asks for years."""
    informal: bool = False
    """German ads addressing the reader with "du" rather than "Sie"."""
    language_pool: str | None = None
    """Key into ``phrases.LANGUAGE_LINES`` when not the ad language's default pool."""


@dataclass(frozen=True)
class Salary:
    """A salary as an ad states it; ``style`` says how it is written."""

    minimum: float
    maximum: float
    currency: str
    period: str
    style: str


@dataclass(frozen=True)
class AdSpec:
    """Everything that makes one ad differ from the others."""

    role: str
    employer: str
    place: str
    markup: str
    """``jsonld``, ``graph``, ``microdata`` or ``plain``."""
    title: str | None = None
    """Title without gender marker; ``{marker}`` marks a marker inside the title."""
    marker: str = "(m/w/d)"
    years: int | None = None
    salary: Salary | None = None
    salary_note: str | None = None
    """A salary mention without figures (``tariff``, ``vague``, ``widget_empty``)."""
    workplace: str | None = None
    employment: str | None = "full_time"
    contract: str | None = "permanent"
    days_ago: int = 3
    date_style: str = "relative"
    variants: tuple[str, ...] = ()
    chrome_lang: str | None = None
    mojibake: tuple[str, ...] = ()
    extra_places: tuple[str, ...] = ()
    client: str | None = None
    """For agency ads: the sentence describing the hidden client."""
    extra_tasks: tuple[str, ...] = ()
    extra_intro: str | None = None
    english_place: bool = False
    """Write the city in English (``Cologne``) where the ad shows it."""


@dataclass(frozen=True)
class Section:
    """One headed part of an ad body: bullets, or a paragraph when ``items`` is empty."""

    kind: str
    """``about``, ``tasks``, ``profile``, ``benefits``."""
    heading: str
    items: tuple[str, ...] = ()
    paragraph: str | None = None


@dataclass
class Ad:
    """One composed ad, ready to render."""

    slug: str
    spec: AdSpec
    lang: str
    chrome_lang: str
    title_raw: str
    title: str
    company_shown: str | None
    company: str | None
    via_agency: bool
    place: Place | None
    places: list[Place]
    location_text: str
    workplace_text: str | None
    employment_text: str | None
    contract_text: str | None
    date_posted: date
    date_text: str
    salary_text: str | None
    """The visible salary text, shown where ``salary_placement`` says."""
    salary_placement: str | None
    """``body`` (a labelled paragraph), ``widget`` (the salary box) or ``meta`` (the header)."""
    salary_note: str | None
    intro: list[str]
    sections: list[Section]
    closing: list[str]
    reference: str
    website: str
    heading_style: str = "h2"
    bullet_style: str = "ul"
    about_first: bool = True
    similar: list["Ad"] = field(default_factory=list)

    @property
    def path(self) -> str:
        """Site-relative path of the ad page."""
        return f"jobs/{self.slug}.html"
