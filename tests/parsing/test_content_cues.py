"""Content cues that classify a list by what its items say (issue 12, cause 1)."""

import pytest

from crawler.parsing.content_cues import content_kind, cue_scores


@pytest.mark.parametrize(("item", "is_task"), [
    # real items from tests/real/dev
    ("Promote innovation and guide design change at CDS and with our government partners.", True),  # en_004
    ("Recruit, interview, hire, cultivate and support diverse design teams.", True),  # en_004
    ("Durchführung und Überwachung des Zahlungsverkehrs", True),  # de_017_experis_junior_specialist_treasury.md
    ("Answering phones and emails", True),  # en_023_remote_office_assistant_coalition_remotive
    ("Building and evolving Canonical's design system, ensuring measurable adoption", True),  # en_007
    # written edge cases: qualifications and benefits that look like activities
    ("Working knowledge of SQL", False),
    ("Outstanding communication skills", False),
    ("Abgeschlossene Ausbildung als Koch", False),
    ("Berufserfahrung in der Pflege", False),
    ("Weiterbildungen und Schulungen", False),
    ("Vergütung nach Tarif", False),
    ("Erfahrung in der Reinigung", False),
])
def test_task_cue(item, is_task):
    assert (cue_scores([item])["responsibilities"] == 1) is is_task


def test_a_list_of_activities_reads_as_tasks():
    items = ["Planung der Touren", "Betreuung der Patienten", "Dokumentation der Pflege"]
    assert content_kind(items) == "responsibilities"
