"""The employer paragraph of a job ad: the text before the first section that describes the
employer rather than the vacancy."""

from __future__ import annotations

import re

from crawler.parsing.content_cues import TOKEN_EDGES, company_cues, job_cue_count
from crawler.parsing.employer import looks_like_company
from crawler.parsing.text import is_chrome_line

__all__ = ["company_from_intro"]

_SENTENCE_BREAK = re.compile(r"[a-zäöüß]{3}[.!?]\s+[A-ZÄÖÜ]")


_HEADER_SEGMENTS = re.compile(r"\s+[·|•]\s+|\s+[-–]\s+")
_HEADER_SEGMENT_WORDS = 6


def _looks_like_header(line: str) -> bool:
    """Title, company, place, "Published: …": short and not a sentence ("GmbH & Co. KG" and
    "Verbund e.V." are no sentence ends), or short facts joined by "·", "|" or " – " ("Acme GmbH ·
    Passau · Vollzeit · unbefristet")."""
    if _SENTENCE_BREAK.search(line):
        return False
    if line.count(" ") < 7 and (line[-1] not in ".!?" or looks_like_company(line)):
        return True
    segments = _HEADER_SEGMENTS.split(line)
    return len(segments) > 1 and line[-1] not in ".!?" and all(
        segment.count(" ") < _HEADER_SEGMENT_WORDS for segment in segments)


def _is_job_line(line: str, cache: dict[str, bool]) -> bool:
    """True when ``line`` talks about the vacancy more than about the employer."""
    if line not in cache:
        job = job_cue_count(line)
        cache[line] = job > 0 and job >= len(company_cues(line))
    return cache[line]


_COMPANY_PARAGRAPH_MIN_WORDS = 20
_NAME_REACH = 80  # the employer's name must stand in a paragraph's first characters


_PARAGRAPH_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ„\"])")
_NAME_SKIP_WORDS = frozenset("the der die das the a an ein eine".split())


def _distinctive_name(company: str | None) -> str | None:
    """The first distinctive word of an employer name, shortened to match inflected forms
    ("Evangelischer Kita-Verbund" is written "Der Evangelische Kita-Verbund" in running text)."""
    for word in (company or "").lower().split():
        word = word.strip(TOKEN_EDGES)
        if len(word) >= 3 and word not in _NAME_SKIP_WORDS:
            return word[:-2] if len(word) > 6 else word
    return None


def _company_sentences(line: str, cache: dict[str, bool]) -> str | None:
    """The sentences of a paragraph before the first one about the vacancy ("Acme makes X.
    For our store we are looking for…" -> "Acme makes X.")."""
    kept = []
    for sentence in _PARAGRAPH_SENTENCE.split(line):
        if _is_job_line(sentence, cache):
            break
        kept.append(sentence)
    return " ".join(kept) or None


def company_from_intro(lines: list[str], company: str | None = None) -> str | None:
    """The paragraph(s) before the first section that describe the employer: with two employer
    cues, or one cue in a long paragraph, or the employer's name in its opening words; sentences
    about the vacancy at the end of the paragraph are left out."""
    runs: list[list[str]] = []
    run: list[str] = []
    for line in lines + [""]:
        if not line or line.startswith("- ") or _looks_like_header(line) or is_chrome_line(line):
            if run:
                runs.append(run)
                run = []
        else:
            run.append(line)
    name = _distinctive_name(company)
    paragraphs: list[str] = []
    cache: dict[str, bool] = {}
    for run in runs:
        while run and _is_job_line(run[0], cache) and not (
                name and name in run[0][:_NAME_REACH].lower() and _company_sentences(run[0], cache)):
            run = run[1:]
        while run and _is_job_line(run[-1], cache):
            head = _company_sentences(run[-1], cache)
            run = run[:-1] + ([head] if head else [])
            if head:
                break
        distinct_cues = company_cues(" ".join(run)) if run else set()
        names_employer = bool(run and name and name in run[0][:_NAME_REACH].lower())
        if paragraphs and run and distinct_cues and not any(_is_job_line(line, cache) for line in run):
            paragraphs.append("\n".join(run))
        elif not paragraphs and run and (len(distinct_cues) >= 2 or names_employer or (
                distinct_cues and len(" ".join(run).split()) >= _COMPANY_PARAGRAPH_MIN_WORDS
                and not any(_is_job_line(line, cache) for line in run))):
            paragraphs.append("\n".join(run))
        elif paragraphs:
            break
    return "\n\n".join(paragraphs) or None
