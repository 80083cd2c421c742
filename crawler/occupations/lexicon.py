"""The job-title lexicon: common title heads of German and English job ads to an occupation.

ESCO's labels are written as occupation names ("user interface developer", "nurse responsible for
general care"), not as ads name jobs ("Frontend Developer", "Pflegefachkraft"), and ESCO's German
labels (german_labels.py) name some German jobs otherwise than ISCO-08 codes German ads
("Krankenpfleger": the nurse assistant). `data/title_lexicon.tsv` is a general dictionary of how
jobs are advertised in both languages, each entry naming an ESCO occupation by its preferred label
or, where ESCO has no occupation for it (e.g. ISCO 3221), an ISCO-08 unit group. A title matches
the entry that covers most of its words: a phrase occurring in the title's words, a single word, a
German word with its feminine ending removed ("Erzieherin" → "erzieher"), or a German compound
ending in an entry ("Hausreinigung" → "reinigung").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from crawler.occupations.german import names_generic_head
from crawler.occupations.index import EscoOccupation, load_index

LEXICON_FILE = "title_lexicon.tsv"
_WORD = re.compile(r"[\wäöüß+#.]+(?:-[\wäöüß+#.]+)*")
# A compound must keep at least this many letters before the entry it ends in ("Lager|helfer").
_MIN_COMPOUND_PREFIX = 3
# Entries shorter than this are not looked for inside compounds ("koch" in "Blechkoch" is luck).
_MIN_COMPOUND_HEAD = 5


@dataclass(frozen=True)
class LexiconEntry:
    """One title head and the occupation it names."""

    term: str
    words: tuple[str, ...]
    isco_code: str
    label: str
    occupation: EscoOccupation | None


@dataclass(frozen=True)
class LexiconMatch:
    """The entry a title matched and how much of the title it covers (0–1)."""

    entry: LexiconEntry
    coverage: float
    compound: bool


class TitleLexicon:
    """Phrase, word and compound-suffix lookup over the lexicon's terms."""

    def __init__(self, entries: list[LexiconEntry]):
        self.entries = entries
        self._by_first_word: dict[str, list[LexiconEntry]] = {}
        for entry in sorted(entries, key=lambda e: len(e.words), reverse=True):
            self._by_first_word.setdefault(entry.words[0], []).append(entry)
        self._single = {e.term: e for e in entries if len(e.words) == 1}
        self._compound_heads = {e.term: e for e in entries
                                if len(e.words) == 1 and len(e.term) >= _MIN_COMPOUND_HEAD and "-" not in e.term}

    def match(self, normalised_title: str, german: bool = True) -> LexiconMatch | None:
        """The entry covering most of the title's words, or None.

        Longer matches win; among equally long ones the last (English titles are head-final) or,
        for German titles, the first (German titles name the job first: "Bauleiter Tiefbau").
        Compound suffixes are looked for in German titles only ("reporter" is no porter).
        """
        words = _WORD.findall(normalised_title)
        if not words:
            return None
        # Words are also looked up in the singular and, for German titles (or titles of unknown
        # language), in their base form ("Erzieherin" → "erzieher").
        variants = [words, [_singular(w) for w in words]]
        if german:
            variants.append([_gender_base(w) for w in words])
            variants.append([_umlaut_base(w) for w in words])
            variants.append([_masculine(w) for w in words])
            variants.append([_adjectival_base(w) for w in words])
            variants.append([_e_noun_base(w) for w in words])
            variants.append([self._known_singular(w) for w in words])
            variants.append([_field_before_generic_head(w) for w in words])
            # "Sozialpädagog*innen", "Logopäd:in": the gender ending taken off an '-e' noun's
            # feminine leaves the stem without its 'e'.
            variants.append([w + "e" for w in words])
        found: list[tuple[int, int, LexiconEntry, bool]] = []  # (words covered, position, entry, compound)
        for position, word in enumerate(words):
            for forms in variants:
                form = forms[position]
                for entry in self._by_first_word.get(form, ()):
                    size = len(entry.words)
                    if tuple(forms[position : position + size]) == entry.words:
                        found.append((size, position, entry, False))
            if german:
                stem = _masculine(word)
                if word not in self._single and stem not in self._single:
                    head = self._compound_head(word) or self._compound_head(stem)
                    if head is not None:
                        found.append((1, position, head, True))
        if not found:
            return None
        # German titles name the job first ("Entwicklungsingenieur Elektronik"): among equally long
        # matches the first word wins even when it is a compound, over a later field word.
        ordering = (lambda f: (f[0], -f[1], not f[3], len(f[2].term))) if german else (
            lambda f: (f[0], not f[3], f[1], len(f[2].term)))
        size, _, entry, compound = max(found, key=ordering)
        return LexiconMatch(entry, size / len(words), compound)

    def _known_singular(self, word: str) -> str:
        """A German plural's singular the lexicon knows ('pflegefachkräfte' → 'pflegefachkraft',
        'spezialisten' → 'spezialist', 'monteure' → 'monteur'), else the word."""
        if word in self._by_first_word:
            return word
        for form in _german_singular_forms(word):
            if form in self._by_first_word or self._compound_head(form) is not None:
                return form
        return word

    def _compound_head(self, word: str) -> LexiconEntry | None:
        """The longest entry the word ends in, keeping a prefix of at least three letters."""
        for start in range(_MIN_COMPOUND_PREFIX, len(word) - _MIN_COMPOUND_HEAD + 1):
            entry = self._compound_heads.get(word[start:])
            if entry is not None:
                return entry
        return None


def _field_before_generic_head(word: str) -> str:
    """'it-support-fachkräfte' → 'it-support', 'lager-mitarbeiterin' → 'lager': a hyphenated
    compound whose last part is a generic head ('-Fachkraft', '-Mitarbeiter') names the job by the
    parts before it, as 'Fachkraft IT-Support' does; else the word."""
    field, hyphen, head = word.rpartition("-")
    if not hyphen or not field:
        return word
    for singular in (head, *_german_singular_forms(head)):
        if "-" not in singular and names_generic_head(singular):
            return field
    return word


def _german_singular_forms(word: str) -> list[str]:
    """Singular candidates of a German plural noun, most likely first."""
    if word.endswith("kräfte"):
        return [word[: -len("kräfte")] + "kraft"]
    if word.endswith("leute"):
        return [word[: -len("leute")] + "mann"]
    if word.endswith("en") and len(word) >= 5:
        return [word[:-2], word[:-1]]
    if word.endswith(("e", "n")) and len(word) >= 4:
        return [word[:-1]]
    return []


def german_singular_forms(word: str) -> list[str]:
    """Singular candidates of a German plural noun, most likely first ("Reinigungskräfte" →
    "Reinigungskraft", "Kaufleute" → "Kaufmann")."""
    return _german_singular_forms(word)


def _umlaut_base(word: str) -> str:
    """'zahnärztin' → 'zahnarzt', 'köchin' → 'koch', 'rechtsanwältin' → 'rechtsanwalt': a feminine
    form that puts an umlaut in its stem, back to the masculine; else the word."""
    base = _gender_base(word)
    if base == word:
        return word
    for position in range(len(base) - 1, -1, -1):
        if base[position] in _UMLAUTS:
            return base[:position] + _UMLAUTS[base[position]] + base[position + 1:]
    return word


_UMLAUTS = {"ä": "a", "ö": "o", "ü": "u"}


def _gender_base(word: str) -> str:
    """'erzieherin' → 'erzieher', 'kauffrau' → 'kaufmann', 'fachfrau' → 'fachmann'; else the word."""
    if word.endswith("frau"):
        return word[:-4] + "mann"
    for ending in ("innen", "in"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def _masculine(word: str) -> str:
    """The agent noun a German job word is a form of, else the word.

    Gender forms as :func:`_gender_base`; and the activity noun boards use for the job
    ('Bauleitung', 'Sachbearbeitung', 'Buchhaltung', 'Inbetriebnahme') → its agent noun ('-ung' →
    '-er', '-nahme' → '-nehmer'), and a field ('Content Management', 'Logistik',
    'Sozialpädagogik') → the one working in it.
    """
    if word.endswith("frau"):
        return word[:-4] + "mann"
    if word.endswith("ung") and len(word) > 6:
        return word[:-3] + "er"
    if word.endswith("nahme") and len(word) > 8:  # 'Inbetriebnahme' → 'inbetriebnehmer'
        return word[: -len("nahme")] + "nehmer"
    for activity, agent in _LATIN_ACTIVITY_AGENTS:
        if word.endswith(activity):  # 'Systemadministration' → 'systemadministrator'
            return word[: -len(activity)] + agent
    if word.endswith("management"):  # 'Content Management', 'Projektmanagement'
        return word[: -len("management")] + "manager"
    if word.endswith("gogik"):  # 'Sozialpädagogik' → 'sozialpädagoge'
        return word[:-2] + "e"
    if word.endswith("ik") and len(word) > 6:  # 'Informatik', 'Logistik' → '-iker'
        return word + "er"
    for ending in ("innen", "in"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


# Activity nouns of Latin stock and the agent noun German forms from each: not '-ung' → '-er'.
_LATIN_ACTIVITY_AGENTS = (("administration", "administrator"), ("koordination", "koordinator"),
                          ("assistenz", "assistent"), ("disposition", "disponent"),
                          ("konstruktion", "konstrukteur"), ("redaktion", "redakteur"),
                          # "Lehrsekretariat", "Chefarztsekretariat": the office names its secretary.
                          ("sekretariat", "sekretär"))


def _e_noun_base(word: str) -> str:
    """'logopädin' → 'logopäde', 'heilpädagogin' → 'heilpädagoge': the feminine of a noun ending
    in '-e' drops the 'e' before '-in'; else the word."""
    for ending in ("innen", "in"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)] + "e"
    return word


def _adjectival_base(word: str) -> str:
    """'steuerfachangestellter' → 'steuerfachangestellte': a German participle used as a noun
    ('Angestellter', 'Beauftragter') in the '-e' form the lexicon lists; else the word."""
    if word.endswith(("ter", "ten")) and len(word) > 6:
        return word[:-1]
    return word


def _singular(word: str) -> str:
    """'professorships' → 'professorship', 'cleaners' → 'cleaner'; 'sales', 'ss' words kept."""
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is", "sales")):
        return word[:-1]
    return word


@lru_cache(maxsize=1)
def load_lexicon() -> TitleLexicon:
    """The bundled lexicon, resolved against the ESCO index once per process."""
    index = load_index()
    by_label = {o.label: o for o in index.occupations}
    entries = []
    text = resources.files("crawler.occupations").joinpath("data", LEXICON_FILE).read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        term, target = line.split("\t")
        if target.isdigit():
            entries.append(LexiconEntry(term, tuple(_WORD.findall(term)), target, index.isco_groups[target], None))
        else:
            occupation = by_label[target]
            entries.append(LexiconEntry(term, tuple(_WORD.findall(term)), occupation.isco_code, occupation.label, occupation))
    return TitleLexicon(entries)
