"""``ftfy.fix_text`` on the encoding step's HTML fields, skipped where its result is known.

The encoding step runs ``ftfy.fix_text(value, unescape_html=False)`` on every HTML field of an ad
(the description, mostly): ~4.5 ms for a real ad's 9 KB description, half of it in ftfy's mojibake
test (``ftfy.badness.is_bad``: a regex of 37 alternatives tried at every position), and on the
real ads it changes nothing but curly quotes. :func:`ftfy_fixed` gives the same result without
running ftfy when it can prove what ftfy would return.

**The proof**, read from ftfy 6.3.1's source (``fix_text`` → ``fix_and_explain``) for the
configuration :data:`FTFY_CONFIG`. ``fix_text`` cuts the text into segments after each ``\\n``
(and every ``max_decode_length`` characters); each segment goes through passes of these steps
until a pass changes nothing:

1. ``unescape_html`` — off in this configuration;
2. ``fix_encoding`` — returns a segment unchanged unless ``is_bad(segment)``, i.e. unless
   ``BADNESS_RE`` matches somewhere in it (the decoding, ``decode_inconsistent_utf8`` and the C1
   repair all run only after that);
3. ``fix_c1_controls``, ``uncurl_quotes``, ``fix_surrogates``, ``remove_terminal_escapes`` —
   ``re.sub``/``search`` with ftfy's regexes: they change a segment only where their regex
   matches; ``fix_latin_ligatures``, ``fix_character_width``, ``remove_control_chars`` —
   ``str.translate`` with ftfy's tables: only where a key of the table occurs;
   ``fix_line_breaks`` — ``str.replace`` of ``\\r\\n``, ``\\r``, U+2028, U+2029, U+0085 (the one
   list written out here: it is code in ftfy, not a table);
4. NFC normalisation — changes a segment only if it is not NFC. A text is NFC exactly when each
   of its segments is: a segment ends with ``\\n``, which composes with nothing, so normalising
   the text is normalising each segment.

A regex can match only if the text holds, for every character class the match must consume, one
character of that class. :func:`_requirements` reads those classes off ftfy's compiled regexes
(``re``'s parser; an optional part, a negated class, ``\\s``/``\\w`` or any construct it does not
know counts as "always satisfiable", which only ever sends more texts to ftfy) as alternatives of
classes; the translate tables are one class each. The characters of a segment are a subset of the
text's, so when no requirement of a step holds for the text's characters, that step cannot change
any segment. For ``BADNESS_RE``, whose classes ordinary German text often all has ("ü" and "„"
may be mojibake when side by side), the alternatives the text's characters allow are then
searched for — only those, compiled from ftfy's parsed regex with ``^`` matching at each line's
start, so that a match in any segment is a match in the text (:meth:`_Proof.badness_regex`).

- No step can change the text → ftfy returns it as it is.
- Only ``uncurl_quotes`` can, and no step can change the text with its quotes uncurled by
  ftfy's own ``fixes.uncurl_quotes`` → ftfy returns exactly that: in the first pass the steps
  before ``uncurl_quotes`` keep each segment, ``uncurl_quotes`` uncurls it, the steps after it
  and NFC keep the result; the second pass keeps it.
- Otherwise ftfy runs. It also runs for texts longer than ``max_decode_length``, and always when
  the installed ftfy is not the version this proof was read from (``tests/test_ftfy_fast_path.py``
  then fails, asking for the proof to be read again).

Printable ASCII, tab and newline are counted present in every text without looking (cheaper, and
only makes the test stricter); the rarer characters are looked up exactly.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import ftfy
from ftfy import TextFixerConfig, fixes
from ftfy.badness import BADNESS_RE
from ftfy.chardata import C1_CONTROL_RE, CONTROL_CHARS, DOUBLE_QUOTE_RE, LIGATURES, SINGLE_QUOTE_RE, WIDTH_MAP

try:  # re's own parser and compiler: private, so their absence only turns the fast path off
    from re import _compiler as regex_compiler
    from re import _parser as regex_parser
except ImportError:  # Python < 3.11
    import sre_compile as regex_compiler  # type: ignore[no-redef]
    import sre_parse as regex_parser  # type: ignore[no-redef]

__all__ = ["FTFY_CONFIG", "PROVEN_FOR_FTFY", "ftfy_fixed", "ftfy_keeps", "steps_that_may_change"]

FTFY_CONFIG = TextFixerConfig(unescape_html=False, explain=False)
"""What ``ftfy.fix_text(value, unescape_html=False)`` runs with: the encoding step's configuration."""

PROVEN_FOR_FTFY = "6.3.1"
"""The ftfy version whose source the proof above was read from."""

# The defaults the proof assumes (an upgrade that changed one turns the fast path off).
_ASSUMED_CONFIG = {"unescape_html": False, "remove_terminal_escapes": True, "fix_encoding": True,
                   "restore_byte_a0": True, "replace_lossy_sequences": True, "decode_inconsistent_utf8": True,
                   "fix_c1_controls": True, "fix_latin_ligatures": True, "fix_character_width": True,
                   "uncurl_quotes": True, "fix_line_breaks": True, "fix_surrogates": True,
                   "remove_control_chars": True, "normalization": "NFC", "max_decode_length": 1_000_000,
                   "explain": False}

# fixes.fix_line_breaks replaces these (and "\r\n", which holds "\r").
LINE_BREAKS_REPLACED = "\r\u2028\u2029\x85"

# Counted present in every text without looking.
_COMMON_ASCII = "\t\n" + "".join(chr(code) for code in range(0x20, 0x7F))
_COMMON_ASCII_BYTES = _COMMON_ASCII.encode("ascii")
_COMMON_ASCII_AND_HIGH_BYTES = _COMMON_ASCII_BYTES + bytes(range(0x80, 0x100))
_ASCII_RUNS = re.compile(r"[\x00-\x7f]+")

_ALWAYS = [frozenset()]  # the alternative that needs no character: always satisfiable
_MAX_ALTERNATIVES = 10_000


class _Classes:
    """Character classes numbered in order of registration; a text's classes as bits of an int."""

    def __init__(self) -> None:
        self.number: dict[frozenset[str], int] = {}

    def of(self, characters: frozenset[str]) -> int:
        return self.number.setdefault(characters, len(self.number))


def _class_characters(items) -> frozenset[str] | None:
    """The characters of a parsed ``[...]`` class, or None if it is negated or uses a category."""
    characters: set[str] = set()
    for opcode, argument in items:
        if opcode is regex_parser.LITERAL:
            characters.add(chr(argument))
        elif opcode is regex_parser.RANGE:
            characters.update(chr(code) for code in range(argument[0], argument[1] + 1))
        else:  # NEGATE, CATEGORY (\s, \w, \d inside the class) …
            return None
    return frozenset(characters)


def _requirements(parsed, classes: _Classes) -> list[frozenset[int]]:
    """Alternatives of classes (any one alternative, all its classes) a match of ``parsed`` needs
    a character of: a necessary condition, never a sufficient one."""
    needed = list(_ALWAYS)
    for opcode, argument in parsed:
        if opcode is regex_parser.LITERAL:
            item = [frozenset({classes.of(frozenset(chr(argument)))})]
        elif opcode is regex_parser.IN:
            characters = _class_characters(argument)
            item = _ALWAYS if characters is None else [frozenset({classes.of(characters)})]
        elif opcode is regex_parser.BRANCH:
            item = [term for branch in argument[1] for term in _requirements(branch, classes)]
        elif opcode in (regex_parser.MAX_REPEAT, regex_parser.MIN_REPEAT,
                        getattr(regex_parser, "POSSESSIVE_REPEAT", None)):
            minimum, _maximum, repeated = argument
            item = _requirements(repeated, classes) if minimum > 0 else _ALWAYS
        elif opcode is regex_parser.SUBPATTERN:
            _group, add_flags, _del_flags, inner = argument
            case_flags = re.IGNORECASE | getattr(re, "LOCALE", 0)
            item = _ALWAYS if add_flags & case_flags else _requirements(inner, classes)
        elif opcode is getattr(regex_parser, "ATOMIC_GROUP", None):
            item = _requirements(argument, classes)
        else:  # ANY, NOT_LITERAL, AT, lookarounds, group references: assumed satisfiable
            item = _ALWAYS
        needed = [left | right for left in needed for right in item]
        if len(needed) > _MAX_ALTERNATIVES:
            return list(_ALWAYS)
    return needed


def _regex_requirements(pattern: re.Pattern, classes: _Classes) -> list[frozenset[int]]:
    if pattern.flags & (re.IGNORECASE | getattr(re, "LOCALE", 0)):
        return list(_ALWAYS)
    return _requirements(regex_parser.parse(pattern.pattern, pattern.flags), classes)


def _table_requirement(keys, classes: _Classes) -> list[frozenset[int]]:
    return [frozenset({classes.of(frozenset(chr(key) if isinstance(key, int) else key for key in keys))})]


class _Proof:
    """The per-step requirements as bit masks, and each character's classes as a bit mask."""

    def __init__(self) -> None:
        classes = _Classes()
        badness = regex_parser.parse(BADNESS_RE.pattern, BADNESS_RE.flags)
        self.badness = badness
        self.badness_alternatives = (list(badness[0][1][1]) if len(badness) == 1 and badness[0][0] is regex_parser.BRANCH
                                     else [badness])
        case_insensitive = BADNESS_RE.flags & (re.IGNORECASE | getattr(re, "LOCALE", 0))
        badness_terms = [(index, term) for index, alternative in enumerate(self.badness_alternatives)
                         for term in (_ALWAYS if case_insensitive else _requirements(alternative, classes))]
        steps = {
            "fix_encoding": [term for _index, term in badness_terms],
            "fix_c1_controls": _regex_requirements(C1_CONTROL_RE, classes),
            "fix_latin_ligatures": _table_requirement(LIGATURES, classes),
            "fix_character_width": _table_requirement(WIDTH_MAP, classes),
            "uncurl_quotes": (_regex_requirements(SINGLE_QUOTE_RE, classes)
                              + _regex_requirements(DOUBLE_QUOTE_RE, classes)),
            "fix_line_breaks": _table_requirement(LINE_BREAKS_REPLACED, classes),
            "fix_surrogates": _regex_requirements(fixes.SURROGATE_RE, classes),
            "remove_terminal_escapes": _regex_requirements(fixes.ANSI_RE, classes),
            "remove_control_chars": _table_requirement(CONTROL_CHARS, classes),
        }
        self.class_mask: dict[str, int] = {}
        for characters, number in classes.number.items():
            for character in characters:
                self.class_mask[character] = self.class_mask.get(character, 0) | 1 << number
        self.step_masks = {name: [sum(1 << number for number in term) for term in terms]
                           for name, terms in steps.items()}
        self.badness_masks = [(index, sum(1 << number for number in term)) for index, term in badness_terms]
        self.common_ascii_mask = 0
        for character in _COMMON_ASCII:
            self.common_ascii_mask |= self.class_mask.get(character, 0)
        self.badness_is_local = _only_local_constructs(badness)

    @lru_cache(maxsize=256)
    def badness_regex(self, alternatives: frozenset[int]) -> re.Pattern | None:
        """``BADNESS_RE`` cut down to these alternatives, with ``^`` matching at every line's start:
        it finds a match in a text whenever the full regex finds one in a segment of it (a match
        in a segment is the same characters in the text; ``^`` is its one anchor and a segment
        starts where a line does). None if the regex holds constructs that look beyond the match
        (other anchors, look-arounds, group references) or re's compiler refuses the pattern."""
        if not self.badness_is_local:
            return None
        chosen = [self.badness_alternatives[index] for index in sorted(alternatives)]
        data = [(regex_parser.BRANCH, (None, chosen))] if len(chosen) > 1 else list(chosen[0])
        try:
            return regex_compiler.compile(regex_parser.SubPattern(self.badness.state, data),
                                          BADNESS_RE.flags | re.MULTILINE)
        except Exception:  # noqa: BLE001 — a private API: any failure only means ftfy runs
            return None

    def may_be_bad(self, text: str, mask: int) -> bool:
        """Whether ``is_bad`` may hold for a segment of ``text`` (whose classes are ``mask``):
        only the alternatives of ``BADNESS_RE`` whose classes the text has can match, and only
        those are searched for."""
        possible = frozenset(index for index, term in self.badness_masks if term & mask == term)
        if not possible:
            return False
        regex = self.badness_regex(possible)
        return regex is None or regex.search(text) is not None


def _only_local_constructs(parsed) -> bool:
    """Whether a parsed regex matches a span by its characters alone, but for ``^`` (``$`` is not
    allowed: at a segment's end, after its newline, it matches where ``$`` in the text need not)."""
    for opcode, argument in parsed:
        if opcode in (regex_parser.LITERAL, regex_parser.NOT_LITERAL, regex_parser.IN, regex_parser.ANY):
            continue
        if opcode is regex_parser.AT and argument is regex_parser.AT_BEGINNING:
            continue
        if opcode is regex_parser.BRANCH and all(_only_local_constructs(branch) for branch in argument[1]):
            continue
        if opcode in (regex_parser.MAX_REPEAT, regex_parser.MIN_REPEAT) and _only_local_constructs(argument[2]):
            continue
        if opcode is regex_parser.SUBPATTERN and _only_local_constructs(argument[3]):
            continue
        return False
    return True


def _proof_holds() -> bool:
    config = FTFY_CONFIG._asdict()
    return (ftfy.__version__ == PROVEN_FOR_FTFY and set(config) == set(_ASSUMED_CONFIG)
            and all(config[name] == value for name, value in _ASSUMED_CONFIG.items()))


@lru_cache(maxsize=1)
def _proof() -> _Proof | None:
    """Built on first use (~5 ms); None when the installed ftfy is not the one proven for."""
    return _Proof() if _proof_holds() else None


def steps_that_may_change(text: str) -> frozenset[str] | None:
    """The names of ftfy's steps (``normalization`` for NFC) that may change ``text`` under
    :data:`FTFY_CONFIG`; a step not named provably changes nothing. None: not known (too long a
    text, or another ftfy version)."""
    proof = _proof()
    if proof is None or len(text) > FTFY_CONFIG.max_decode_length:
        return None
    mask = proof.common_ascii_mask
    if text.isascii():
        rare_ascii = text.encode("ascii").translate(None, _COMMON_ASCII_BYTES)
        normal = True
    else:
        rare_ascii = text.encode("utf-8", "surrogatepass").translate(None, _COMMON_ASCII_AND_HIGH_BYTES)
        for character in set(_ASCII_RUNS.sub("", text)):
            mask |= proof.class_mask.get(character, 0)
        normal = unicodedata.is_normalized("NFC", text)
    for code in set(rare_ascii):
        mask |= proof.class_mask.get(chr(code), 0)
    steps = {name for name, terms in proof.step_masks.items()
             if name != "fix_encoding" and any(term & mask == term for term in terms)}
    if proof.may_be_bad(text, mask):
        steps.add("fix_encoding")
    if not normal:
        steps.add("normalization")
    return frozenset(steps)


def ftfy_keeps(text: str) -> bool:
    """True when ``ftfy.fix_text(text, FTFY_CONFIG)`` provably returns ``text`` unchanged (False:
    it may or may not change it)."""
    return steps_that_may_change(text) == frozenset()


def ftfy_fixed(text: str) -> str:
    """``ftfy.fix_text(text, FTFY_CONFIG)``, without running ftfy where its result is proven."""
    steps = steps_that_may_change(text)
    if steps is not None:
        if not steps:
            return text
        if steps == {"uncurl_quotes"}:
            uncurled = fixes.uncurl_quotes(text)
            if steps_that_may_change(uncurled) == frozenset():
                return uncurled
    return ftfy.fix_text(text, FTFY_CONFIG)
