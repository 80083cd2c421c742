"""An ad written twice, once in each of two languages ("*English version below*", a German ad and its
English translation under the same kinds of headings): its lists are read from the first version only,
so that each task, requirement and benefit counts once.

Told by content, not by a marker line: the paragraphs of the first part are in one language, those
of the second part all in another, and each part has its own tasks, requirements or benefits
heading. A German ad that ends with an English paragraph (an equal-opportunity note, a greeting) is
one version: its English part has no section headings of its own.
"""

from __future__ import annotations

import re

from crawler.parsing.headings import heading_kind
from crawler.parsing.language import detect_language

__all__ = ["first_language_version"]

_BLOCK_BREAK = re.compile(r"\n[ \t]*\n")
_LIST_KINDS = frozenset({"responsibilities", "requirements", "benefits"})
# a part must be a real version, not a paragraph or two
_LEAST_PART_WORDS = 60
_LEAST_LANGUAGE_WORDS = 12


def _list_kinds(blocks: list[str]) -> set[str]:
    kinds = set()
    for block in blocks:
        for line in block.splitlines():
            if len(line) <= 90 and (kind := heading_kind(line)) in _LIST_KINDS:
                kinds.add(kind)
    return kinds


def _language(block: str) -> str | None:
    return detect_language(block) if len(block.split()) >= _LEAST_LANGUAGE_WORDS else None


def first_language_version(text: str) -> str:
    """``text`` up to where its second version, in another language, begins; the whole text when
    it holds one version."""
    if not text or len(text) < 800:
        return text
    blocks = _BLOCK_BREAK.split(text)
    languages = [_language(block) for block in blocks]
    known = [(index, language) for index, language in enumerate(languages) if language]
    if len(known) < 4:
        return text
    # the run of blocks in the last block's language that lasts to the end
    second = known[-1][1]
    switch = None
    for index, language in reversed(known):
        if language != second:
            break
        switch = index
    head_words: dict[str, int] = {}
    for index, language in known:
        if index < switch:
            head_words[language] = head_words.get(language, 0) + len(blocks[index].split())
    if not head_words or max(head_words, key=head_words.__getitem__) == second or \
            head_words.get(second, 0) * 3 > sum(head_words.values()):
        return text  # the part before is not mostly in another language
    # the headings and short lines just before it belong to the second version ("## English version")
    start = switch
    while start > 0 and languages[start - 1] is None and len(blocks[start - 1].split()) < _LEAST_LANGUAGE_WORDS:
        start -= 1
    head, tail = blocks[:start], blocks[start:]
    if sum(len(block.split()) for block in head) < _LEAST_PART_WORDS or \
            sum(len(block.split()) for block in tail) < _LEAST_PART_WORDS:
        return text
    if not (_list_kinds(head) and _list_kinds(tail)):
        return text
    return "\n\n".join(head)
