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
    # an activity noun closing a compound (tests/real/dev5/de_517, a Hannover care service's list)
    ("Pflegedokumentation", True),
    ("Grund- und Behandlungspflege der Patienten", True),
    ("Kommunikation mit Angehörigen, Ärzten usw.", True),
    ("Kundenbetreuung am Telefon", True),
    # the third person of a US duty list (dev17 en_1703, a barista's duties under "Responsibilities include:")
    ("Enters orders accurately into POS device; accepts cash and charge payments.", True),
    ("Cleans equipment and workstation thoroughly before leaving the area.", True),
    ("Maintains safe and healthy work environment by following sanitation regulations", True),
    ("Performs all tasks as outlined in the Batch Card", True),
    # compounds that only begin with an activity noun are qualities or benefits
    ("Kommunikationsstärke", False),
    ("Weiterentwicklungsmöglichkeiten", False),
])
def test_task_cue(item, is_task):
    assert (cue_scores([item])["responsibilities"] == 1) is is_task


def test_a_list_of_activities_reads_as_tasks():
    items = ["Planung der Touren", "Betreuung der Patienten", "Dokumentation der Pflege"]
    assert content_kind(items) == "responsibilities"


def test_a_front_matter_list_without_heading_reads_as_tasks():
    # tests/real/dev5/de_517: a YAML list of short nominal task items, no heading above it
    items = ["Grund- und Behandlungspflege der Patienten", "Übernahme von rehabilitierenden Maßnahmen und soziale "
             "Betreuung", "Kommunikation mit Angehörigen, Ärzten usw.", "Pflegedokumentation"]
    assert content_kind(items) == "responsibilities"


def test_an_apprentices_unheaded_offer_list_is_benefits():
    # dev20 de_2003 (a dental practice's Blade view): a warm team, a modern workplace, the chance to be kept on
    items = ["Abwechslungsreiche Ausbildung in Assistenz, Hygiene, Organisation & Patientenbetreuung",
             "Engagiertes und herzliches Praxisteam", "Moderner Arbeitsplatz in zentraler Lage",
             "Gute Übernahmechancen & Unterstützung bei Fortbildungen"]
    assert content_kind(items) == "benefits"
    assert cue_scores(["Du arbeitest im Team an Projekten"])["benefits"] == 0  # teamwork is no perk


@pytest.mark.parametrize(("items", "kind"), [
    # German task items closing on a bare infinitive
    (["Menschen für deine Ideen begeistern und sie sicher vor Kunden präsentieren",
      "Verantwortung übernehmen und klar und verbindlich kommunizieren",
      "Inspirieren und Wissensaustausch fördern"], "responsibilities"),
    (["Kunden beraten und betreuen", "Angebote erstellen", "Aufträge abwickeln"], "responsibilities"),
    # "-bereitung" names an activity as "-betreuung" does: "Vor- und Nachbereitung", "Zubereitung"
    (["Patientenbetreuung vor, während und nach der Behandlung", "Vor- und Nachbereitung der Behandlung",
      "Röntgen", "Hygiene"], "responsibilities"),
    # infinitives after "zu", having and bringing, a participle: no tasks
    (["Freude an Technik haben", "Bereitschaft, am Wochenende zu arbeiten", "Führerschein Klasse B vorhanden"], None),
])
def test_german_items_closing_on_an_infinitive(items, kind):
    assert content_kind(items) == kind
