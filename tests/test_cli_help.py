"""``--help`` of every command reads as plain text: no type placeholder beside flags (``<bool>``)
and no reStructuredText markup (double backticks) from the docstrings (issue 17)."""

from __future__ import annotations

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from crawler.cli import app
from tests.test_cli_guidance import jobcrawl


def _command_paths(command, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command and subcommand under ``command`` as its words after ``jobcrawl``."""
    paths = [path]
    for name, subcommand in sorted(getattr(command, "commands", {}).items()):
        paths += _command_paths(subcommand, (*path, name))
    return paths


COMMANDS = _command_paths(get_command(app))


def test_every_command_is_checked():
    names = {" ".join(path) for path in COMMANDS}
    assert {"", "crawl", "export", "report", "parse", "spiders", "schedule", "db", "db downgrade"} <= names
    assert len(names) >= 20


@pytest.mark.parametrize("path", COMMANDS, ids=lambda path: " ".join(path) or "jobcrawl")
def test_help_has_no_type_placeholders_or_markup(path):
    result = CliRunner().invoke(app, [*path, "--help"], prog_name="jobcrawl")
    assert result.exit_code == 0, result.output
    assert "Usage: jobcrawl" in result.output
    assert "<bool>" not in result.output
    assert "`" not in result.output
    assert "Show this message and exit." in result.output


def test_help_from_the_console_script_shows_flags_without_a_type():
    result = jobcrawl("db", "downgrade", "--help")
    assert result.returncode == 0
    assert "<bool>" not in result.stdout and "`" not in result.stdout
    flag = next(line for line in result.stdout.splitlines() if line.startswith("│ --yes"))
    assert "Confirm that the data" in flag and "<" not in flag
    # Markdown mode joins the docstring's wrapped lines: the sentence is not cut after "without it".
    assert "without it nothing is changed" in " ".join(result.stdout.split())
