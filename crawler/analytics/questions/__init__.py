"""Example analyst questions with their SQL, one file per question in this folder.

``NN_slug.sql`` runs on SQLite and PostgreSQL alike; a question that needs dialect-specific SQL
has ``NN_slug.sqlite.sql`` and ``NN_slug.postgresql.sql``. A file starts with ``-- <question>``
and optional ``-- `` note lines; the rest is the query. The tests run every question against the
crawled sample board on both databases; :func:`questions_markdown` renders them for the README.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

QUESTIONS_DIR = Path(__file__).resolve().parent
DIALECTS = ("sqlite", "postgresql")
_DIALECT_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


@dataclass(frozen=True)
class Question:
    """One question: its slug, wording, notes and SQL per dialect."""

    slug: str
    question: str
    notes: str
    sql: dict[str, str]
    """SQL by dialect; the same text under both keys when the query is portable."""

    @property
    def portable(self) -> bool:
        """True when one query serves both dialects."""
        return self.sql["sqlite"] == self.sql["postgresql"]

    def sql_for(self, dialect: str) -> str:
        """The query for ``sqlite`` or ``postgresql``."""
        return self.sql[dialect]


def _read(path: Path) -> tuple[str, str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    header = []
    while lines and lines[0].startswith("--"):
        header.append(lines.pop(0)[2:].strip())
    if not header:
        raise ValueError(f"{path.name} must start with a '-- <question>' line")
    return header[0], " ".join(header[1:]), "\n".join(lines).strip() + "\n"


def load_questions(folder: Path = QUESTIONS_DIR) -> list[Question]:
    """Every question in ``folder``, in file-name order."""
    by_slug: dict[str, dict] = {}
    for path in sorted(folder.glob("*.sql")):
        name = path.name[:-len(".sql")]
        slug, _, dialect = name.partition(".")
        question, notes, sql = _read(path)
        entry = by_slug.setdefault(slug, {"question": question, "notes": notes, "sql": {}})
        for target in ([dialect] if dialect else DIALECTS):
            if target not in DIALECTS:
                raise ValueError(f"{path.name}: unknown dialect {target!r}; use .sqlite.sql or .postgresql.sql")
            entry["sql"][target] = sql
    questions = []
    for slug, entry in by_slug.items():
        missing = [dialect for dialect in DIALECTS if dialect not in entry["sql"]]
        if missing:
            raise ValueError(f"question {slug} has no SQL for {', '.join(missing)}")
        questions.append(Question(slug, entry["question"], entry["notes"], entry["sql"]))
    return questions


def questions_markdown(questions: list[Question] | None = None) -> str:
    """The questions as README markdown: a heading, notes and the SQL of each."""
    parts = []
    for number, question in enumerate(questions or load_questions(), start=1):
        part = f"#### {number}. {question.question}\n"
        if question.notes:
            part += f"\n{question.notes}\n"
        if question.portable:
            part += f"\n```sql\n{question.sql_for('sqlite')}```\n"
        else:
            for dialect in DIALECTS:
                part += f"\n{_DIALECT_NAMES[dialect]}:\n\n```sql\n{question.sql_for(dialect)}```\n"
        parts.append(part)
    return "\n".join(parts)
