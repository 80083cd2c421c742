"""Official directories of job titles: a title they list, and the ISCO-08 unit groups it falls in.

ESCO's labels name occupations; the directories statistical offices code job titles with list the
titles people write. `data/title_directory.tsv.gz` (built by build_title_directory.py, sources in
data/SOURCES.md) holds about 60,000 of them: O*NET's alternate and reported titles in English,
mapped through the BLS SOC → ISCO-08 crosswalk, and the Bundesagentur's directory of German job
titles (Berufsbenennungen), mapped through its KldB 2010 → ISCO-08 conversion key. Each title keeps
the unit groups the crosswalks give it, as shares of its weight, heaviest first: "en registered
nurse" → 2221 0.5, 3221 0.5; "de pflegefachkraft" → 3221 0.8, 2221 0.2.

The table is kept as one sorted text and the offsets of its lines (about 2.7 MB), not as a dict
of 60,000 Python strings, since the crawl worker loads the classifier; a lookup is a binary search.
"""

from __future__ import annotations

import zlib
from array import array
from bisect import bisect_left
from functools import lru_cache
from importlib import resources

from crawler.occupations.german_labels import label_key
from crawler.occupations.normalise import title_parts

DIRECTORY_FILE = "title_directory.tsv.gz"


# Words that join a title's words without naming anything: "Fachkraft für Lagerlogistik" is the
# directory's "Fachkraft - Lagerlogistik", "Kaufmann im Einzelhandel" its "Kaufmann/-frau -
# Einzelhandel", "Director of Nursing" "Director, Nursing".
FUNCTION_WORDS = frozenset({
    "für", "im", "in", "der", "die", "das", "den", "dem", "des", "zur", "zum", "am", "vom", "von", "bei",
    "for", "of", "the", "a", "an", "at", "to",
})


def key_of_parts(parts: list[str]) -> str:
    """The directory key of a title's normalised parts (see `directory_key`)."""
    return " ".join(word for word in label_key(" ".join(parts)).split() if word not in FUNCTION_WORDS)


def directory_key(title: str, german: bool) -> str:
    """A title as the directory keys it: normalised as the classifier normalises titles (gender
    forms, brackets and grades removed, see normalise.py), its parts joined, hyphens inside words
    joined ("Software-Entwickler" is "softwareentwickler"), function words left out."""
    parts = title_parts(title)
    return key_of_parts(parts) if parts else ""


def encode_groups(shares: list[tuple[str, float]]) -> str:
    """'2221:0.50,3221:0.50': unit groups with their shares, as the data file writes them."""
    return ",".join(f"{group}:{share:.2f}" for group, share in shares)


class TitleDirectory:
    """The directory's titles ('<language> <key>') and their unit groups, searched by bisection.

    The text is kept as UTF-8 bytes (half the memory of a str holding umlauts); UTF-8 orders as
    the code points the build sorted by."""

    def __init__(self, text: bytes):
        self._text = text
        offsets = array("I", [0])
        position = text.find(b"\n")
        while position != -1 and position + 1 < len(text):
            offsets.append(position + 1)
            position = text.find(b"\n", position + 1)
        self._offsets = offsets

    def __len__(self) -> int:
        return len(self._offsets)

    def _line(self, number: int) -> bytes:
        start = self._offsets[number]
        end = self._text.find(b"\n", start)
        return self._text[start:end if end != -1 else len(self._text)]

    def _key(self, number: int) -> bytes:
        line = self._line(number)
        return line[:line.index(b"\t")]

    def groups(self, key: str, language: str) -> tuple[tuple[str, float], ...]:
        """The unit groups of the title `key` (as `directory_key` gives it) in the language's
        directory ('de' or 'en'), heaviest first; empty when the directory does not list it."""
        wanted = f"{language} {key}".encode("utf-8")
        number = bisect_left(range(len(self._offsets)), wanted, key=self._key)
        if number == len(self._offsets):
            return ()
        found, _, encoded = self._line(number).partition(b"\t")
        if found != wanted:
            return ()
        # 370 English titles carry no group: the crosswalk maps their O*NET-SOC code to none
        # ("Aircraft Maintenance Supervisor"). They are listed, with nothing to give.
        return tuple((group, float(share)) for group, _, share in
                     (item.partition(":") for item in encoded.decode("ascii").split(",") if item))

    def lookup(self, key: str, german: bool) -> tuple[tuple[str, float], ...]:
        """The unit groups of a title key: a German title (`german`) in the German directory first,
        then, as German ads write English titles too, in the English one."""
        if german:
            found = self.groups(key, "de")
            if found:
                return found
        return self.groups(key, "en")


@lru_cache(maxsize=1)
def load_title_directory() -> TitleDirectory:
    """The bundled title directory, read on first use and kept for the process."""
    raw = resources.files("crawler.occupations").joinpath("data", DIRECTORY_FILE).read_bytes()
    return TitleDirectory(zlib.decompress(raw, wbits=zlib.MAX_WBITS | 16))  # gzip framing
