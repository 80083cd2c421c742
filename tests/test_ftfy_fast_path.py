"""The ftfy fast path against ftfy itself: ``ftfy_fixed(text) == ftfy.fix_text(text, unescape_html=False)``
on every text of the repository's real ads and fixtures, on their mojibake, NFD, CRLF… variants,
on generated texts and on every code point; a difference anywhere is a failure."""

from __future__ import annotations

import json
import random
import re
import sys
import unicodedata
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

import ftfy
import pytest
from ftfy.badness import BADNESS_RE
from hypothesis import given, settings
from hypothesis import strategies as st

from crawler.parsing.text import looks_like_html, repair_text
from pipelines.ftfy_fast_path import PROVEN_FOR_FTFY, _proof, ftfy_fixed, ftfy_keeps, steps_that_may_change
from pipelines.posting_steps import repair_field

TESTS = Path(__file__).parent
CORPUS_FOLDERS = [TESTS / "real", TESTS / "gold", TESTS / "gold_dev", TESTS / "files",
                  Path("/work/shared/seeds")]
CORPUS_FOLDERS += sorted(path for path in TESTS.rglob("fixtures") if path.is_dir())
JSON_LD_RE = re.compile(r"<script[^>]*application/ld\+json[^>]*>(.*?)</script>", re.DOTALL | re.IGNORECASE)
# Encodings whose mix-ups with UTF-8 ftfy knows (its CHARMAP_ENCODINGS and the codecs it adds)
# and a few it does not; each makes the mojibake of a real text.
MOJIBAKE_ENCODINGS = ("latin-1", "sloppy-windows-1252", "windows-1252", "sloppy-windows-1251", "windows-1250",
                      "windows-1253", "windows-1254", "windows-1257", "iso-8859-2", "macroman", "cp437", "cp850",
                      "koi8-r")


def reference(text: str) -> str:
    """What the encoding step returned before the fast path."""
    return ftfy.fix_text(text, unescape_html=False)


def json_strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for entry in value.values() for text in json_strings(entry)]
    if isinstance(value, list):
        return [text for entry in value for text in json_strings(entry)]
    return []


def page_fields(path: Path, body: bytes) -> list[str]:
    """The text fields the crawl's structured-data reader takes from a saved page."""
    from crawler.sources.jsonld import PageReader

    reading = PageReader.read_page(body, "https://example.org/job/1", "text/html; charset=utf-8",
                                     datetime(2026, 11, 22, tzinfo=timezone.utc), frozenset({"https://example.org"}))
    return [text for _url, fields in reading.postings for text in json_strings(fields)]


@lru_cache(maxsize=1)
def corpus() -> dict[str, str]:
    """Every text of every file under the corpus folders: the file, each JSON string in it (JSON
    files, JSON-LD blocks), each field the crawl's page reader takes from it; keyed by origin."""
    texts: dict[str, str] = {}
    for folder in CORPUS_FOLDERS:
        for path in sorted(folder.rglob("*")):
            if not path.is_file() or path.suffix in (".pyc", ".png", ".gz", ".sqlite", ".db"):
                continue
            body = path.read_bytes()
            text = body.decode("utf-8", "surrogateescape")  # undecodable bytes become lone surrogates
            texts[str(path)] = text
            blocks = [text] if path.suffix == ".json" else JSON_LD_RE.findall(text)
            for number, block in enumerate(blocks):
                try:
                    strings = json_strings(json.loads(block))
                except ValueError:
                    continue
                for index, string in enumerate(strings):
                    texts[f"{path}#json{number}.{index}"] = string
            if path.suffix in (".html", ".htm"):
                for index, string in enumerate(page_fields(path, body)):
                    texts[f"{path}#field{index}"] = string
    return texts


def differences(texts: dict[str, str]) -> list[str]:
    """Where ``ftfy_fixed`` and ftfy disagree (each distinct text compared once)."""
    found, seen = [], set()
    for origin, text in texts.items():
        if text in seen:
            continue
        seen.add(text)
        if ftfy_fixed(text) != reference(text):
            found.append(f"{origin}: steps {sorted(steps_that_may_change(text) or ['?'])}")
    return found


def test_fast_path_is_proven_for_the_installed_ftfy():
    assert ftfy.__version__ == PROVEN_FOR_FTFY and _proof() is not None, (
        f"ftfy {ftfy.__version__} is installed, the fast path's proof was read from {PROVEN_FOR_FTFY}'s source: "
        "read fix_and_explain and fix_encoding_and_explain again (pipelines/ftfy_fast_path.py), then update "
        "PROVEN_FOR_FTFY; until then every text goes through ftfy")


CASES = [
    # (text, steps that may change it) — written to pin each reason a text goes through ftfy
    ("<p>Plain ASCII description</p>", set()),
    ("<p>Wir suchen eine Pflegefachkraft (m/w/d) in München für 30 Tage Urlaub.</p>", set()),
    ("<p>fÃ¼r MÃ¼nchen</p>", {"fix_encoding"}),                    # UTF-8 read as cp1252
    ("<p>companyâ€™s team</p>", {"fix_encoding"}),                   # ’ as cp1252: â € ™
    ("Ã le travail\n<p>x</p>", {"fix_encoding"}),                   # bad only at a line's start
    ("<p>Ð¿Ñ€Ð¸Ð²ÐµÑ‚</p>", {"fix_encoding", "uncurl_quotes"}),       # Cyrillic UTF-8 as cp1252 ("‚" too)
    ("<p>It\u2019s \u201cgreat\u201d</p>", {"uncurl_quotes"}),
    ("<p>It\u2019s \u201cgreat\u201d \u2013 10\u00a0km \u2022 2\u00a0h</p>", {"uncurl_quotes"}),
    # "ü" and "„" may be mojibake side by side: the alternatives of BADNESS_RE they allow are
    # searched for, and found only in the second text
    ("<p>\u201eAnführungszeichen\u201c für Ärzte</p>", {"uncurl_quotes"}),
    ("<p>Grü\u201eße</p>", {"fix_encoding", "uncurl_quotes"}),
    ("1\nÃ le", {"fix_encoding"}),                                 # "^" at a line's start
    ("<p>\ufb01nance</p>", {"fix_latin_ligatures"}),
    ("<p>\uff21\uff22</p>", {"fix_character_width"}),
    ("<p>line\r\nbreak</p>", {"fix_line_breaks"}),
    ("<p>a\u2028b</p>", {"fix_line_breaks"}),
    ("<p>Cafe\u0301</p>", {"normalization"}),
    ("<p>a\x00b</p>", {"remove_control_chars"}),
    ("<p>\ufeffBOM</p>", {"remove_control_chars"}),
    ("<p>\x1b[31mred\x1b[0m</p>", {"remove_terminal_escapes", "remove_control_chars"}),
    ("<p>\x96 dash</p>", {"fix_encoding", "fix_c1_controls"}),
    ("<p>next\x85line</p>", {"fix_encoding", "fix_c1_controls", "fix_line_breaks"}),
    ("<p>\ud83d\ude00</p>", {"fix_surrogates"}),                    # a surrogate pair
    ("<p>\udcc3</p>", {"fix_surrogates"}),                          # a byte kept by surrogateescape
]


@pytest.mark.parametrize(("text", "steps"), CASES)
def test_steps_that_may_change(text, steps):
    assert steps_that_may_change(text) == steps
    assert ftfy_fixed(text) == reference(text)
    assert ftfy_keeps(text) is (not steps)
    if not steps:
        assert reference(text) == text


def test_repair_field_is_unchanged_for_html_and_text():
    for text, _steps in CASES:
        for value in (text, text.replace("<p>", "").replace("</p>", "")):
            before = reference(value) if "<" in value and looks_like_html(value) else repair_text(value)
            assert repair_field(value) == before


def test_every_text_of_the_repository_corpus():
    texts = corpus()
    assert len(texts) > 2000, f"only {len(texts)} texts: a corpus folder is missing"
    assert differences(texts) == []


def variants(text: str) -> dict[str, str]:
    """Mojibake of ``text`` in many encodings, and the kinds of damage ftfy's other steps repair."""
    made = {}
    encoded = text.encode("utf-8", "surrogatepass")
    for encoding in MOJIBAKE_ENCODINGS:
        made[encoding] = encoded.decode(encoding, "replace")
    made["cp1252 twice"] = made["windows-1252"].encode("utf-8").decode("windows-1252", "replace")
    made["cp1252 lossy"] = encoded.decode("windows-1252", "replace")
    made["latin-1 with nbsp as space"] = made["latin-1"].replace("\xa0", " ")
    made["one mojibake line"] = "\n".join(line.encode("utf-8", "surrogatepass").decode("latin-1") if index == 1
                                          else line for index, line in enumerate(text.split("\n")))
    made["NFD"] = unicodedata.normalize("NFD", text)
    made["NFKD"] = unicodedata.normalize("NFKD", text)
    made["CRLF"] = text.replace("\n", "\r\n")
    made["curly"] = text.replace("'", "\u2019").replace('"', "\u201c")
    made["ligatures"] = text.replace("fi", "\ufb01").replace("ff", "\ufb00")
    made["full width"] = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" and i % 3 == 0 else c
                                 for i, c in enumerate(text))
    made["C1"] = text.encode("utf-8", "surrogatepass").decode("latin-1").encode("latin-1").decode("latin-1")
    made["controls"] = text.replace(" ", "\x1b[1m ", 3).replace("e", "e\x00", 2).replace(".", ".\ufeff", 2)
    made["entities"] = text.replace("&", "&amp;").replace("ü", "&uuml;")
    return made


def test_damaged_variants_of_the_repository_corpus():
    # Every tenth non-ASCII text (its first 1,000 characters), damaged in each way.
    candidates = {text: origin for origin, text in corpus().items() if len(text) >= 20 and not text.isascii()}
    texts = {}
    for text, origin in sorted(candidates.items(), key=lambda entry: entry[1])[::10]:
        for kind, variant in variants(text[:1_000]).items():
            texts[f"{origin} ({kind})"] = variant
    assert len(texts) > 4_000
    assert differences(texts) == []


def proof_characters() -> list[str]:
    """Every character of every class the proof reads off ftfy, ASCII, and some of ours."""
    classes = sorted({character for character in _proof().class_mask}) + [chr(code) for code in range(0x80)]
    return classes + list("äöüÄÖÜß–—•€…°²·«»\u0301\u0308\u0327\u200b\u00ad\u2060\ufffd🍏✅\ufe0f")


PIECES = ["Ã¼", "Ã¶", "â€™", "â€œ", "Ã ", "Â ", "Ã\xa0", "ÃƒÂ©", "ï»¿", "Å“", "Ð¿", "Ñ€", "Ø§Ù„", "Î±",
          "âœ”", "ðŸ˜€", "\r\n", "\x1b[31m", "e\u0301", "\ud83d\ude00", "\ud83d", "\n", " ", "&amp;", "<p>"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(proof_characters()), st.sampled_from(PIECES)), max_size=30))
def test_generated_texts(pieces):
    text = "".join(pieces)
    assert ftfy_fixed(text) == reference(text)
    assert ftfy_fixed(f"<div>{text}</div>") == reference(f"<div>{text}</div>")


def test_mojibake_test_never_passes_a_bad_text():
    # The part of the proof that reads classes off BADNESS_RE, checked directly on short texts
    # made only of its classes' characters (where a match is likeliest).
    generator = random.Random(1915)
    characters = proof_characters()
    checked = 0
    for _ in range(30_000):
        text = "".join(generator.choices(characters, k=generator.randint(1, 8)))
        for candidate in (text, "\n" + text, text + "\n" + text):
            if "fix_encoding" not in steps_that_may_change(candidate):
                checked += 1
                assert not BADNESS_RE.search(candidate), repr(candidate)
    assert checked > 10_000


def test_cut_down_mojibake_regex_is_ftfys_on_one_line():
    # All alternatives, compiled from the parsed BADNESS_RE, find what BADNESS_RE finds in a text
    # of one line (on several lines they also find "^" matches at each line's start).
    proof = _proof()
    everything = proof.badness_regex(frozenset(range(len(proof.badness_alternatives))))
    generator = random.Random(2015)
    characters = [character for character in proof_characters() if character != "\n"]
    for _ in range(20_000):
        text = "".join(generator.choices(characters, k=generator.randint(1, 8)))
        assert bool(everything.search(text)) == bool(BADNESS_RE.search(text)), repr(text)
    assert everything.search("1\nÃ le") and not BADNESS_RE.search("1\nÃ le")
    assert proof.badness_is_local, "BADNESS_RE holds a construct that looks beyond its match: read the proof again"


def check_kept_code_points(code_points: list[int]) -> None:
    """Each code point between spaces, alone, through the fast path and ftfy. Code points with the
    same classes are tried together first (side by side, separated by spaces, they form no
    sequence either reacts to: the fast path keeps them all exactly when it keeps each, and ftfy
    changes them together when it changes one); a group the fast path does not keep is halved."""
    text = "".join(f" {chr(code)} " for code in code_points)
    if ftfy_keeps(text):
        if reference(text) != text:
            changed = [f"U+{code:04X}" for code in code_points if reference(f" {chr(code)} ") != f" {chr(code)} "]
            assert changed == [], "kept by the fast path, changed by ftfy"
    elif len(code_points) == 1:
        assert ftfy_fixed(text) == reference(text), f"U+{code_points[0]:04X}"
    else:
        middle = len(code_points) // 2
        check_kept_code_points(code_points[:middle])
        check_kept_code_points(code_points[middle:])


def test_every_code_point():
    class_mask = _proof().class_mask
    groups: dict[int, list[int]] = {}
    for code in range(sys.maxunicode + 1):
        groups.setdefault(class_mask.get(chr(code), 0), []).append(code)
    for code_points in groups.values():
        for start in range(0, len(code_points), 20_000):
            check_kept_code_points(code_points[start:start + 20_000])
    assert sum(ftfy_keeps(f" {chr(code)} ") for code in range(0, sys.maxunicode + 1, 97)) > 10_000


def test_random_mixtures_of_code_points():
    # Texts drawn from all of Unicode, weighted towards the proof's classes.
    generator = random.Random(15)
    characters = proof_characters()
    texts = {}
    for number in range(3000):
        length = generator.randint(1, 40)
        texts[str(number)] = "".join(
            generator.choice(characters) if generator.random() < 0.7 else chr(generator.randint(0, sys.maxunicode))
            for _ in range(length))
    assert differences(texts) == []
