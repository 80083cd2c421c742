"""Every ``jobcrawl export`` and ``jobcrawl report`` command the README shows runs as written
against the crawled sample board, so a documented flag or value cannot be one the CLI rejects."""

from __future__ import annotations

import re
import shlex

import pytest

from tests.support.crawl import PROJECT_ROOT
from tests.test_cli_guidance import jobcrawl

README = PROJECT_ROOT / "README.md"
COMMAND = re.compile(r"^(?:\$ )?(jobcrawl (?:export|report) .+)$", re.MULTILINE)
COMMANDS = [match.group(1) for match in COMMAND.finditer(README.read_text(encoding="utf-8"))]


def test_the_readme_shows_export_and_report_commands():
    assert len(COMMANDS) >= 8
    assert any("--delimiter" in command for command in COMMANDS)
    assert any("--table sightings" in command for command in COMMANDS)
    assert any(command.startswith("jobcrawl report") and "--country" in command for command in COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_a_readme_command_runs_as_written(crawled_sample, tmp_path, command):
    arguments = shlex.split(command, comments=True)[1:]
    done = jobcrawl(*arguments, "--database", crawled_sample, cwd=tmp_path)
    assert done.returncode == 0, f"{command}\n{done.stdout}{done.stderr}"
    assert "wrote" in done.stdout
