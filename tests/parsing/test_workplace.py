"""Workplace statements the general terms reader leaves open (issue 12). Real forms from
tests/real/dev are marked with their file; the rest pin edges."""

import pytest

from crawler.parsing.workplace import office_bound, remote_share, workplace_from_place_field


@pytest.mark.parametrize(("text", "expected"), [
    ("Ability to work 5 days in-person in our NYC office", "onsite"),  # dev24 en_2414
    ("Meet in person once a month", None),
    ("NYC government employees are no longer working remotely. This position will require work from our "
     "office at 253 Broadway, in Manhattan.", "onsite"),  # en_020 (NYC Opportunity)
    ("We're looking for an Outreach student to support our events, working from our office in Ottawa.",
     "onsite"),  # en_001 (Canadian Digital Service)
    ("Role expected to work from new office location in Stockholm, Sweden.", "onsite"),  # en_032 (UNICEF)
    ("This is a full time position based in our San Francisco office with full benefits. As this position "
     "will collaborate closely with our attorneys, remote work is not an option.", "onsite"),  # en_034 (EFF)
    # written
    ("Arbeiten im Homeoffice ist leider nicht möglich.", "onsite"),
    ("Die Tätigkeit erfolgt vor Ort in unserer Filiale.", "onsite"),
    ("You will work on site at our plant in Leeds.", "onsite"),
    ("This role requires you to be in the office five days a week.", "onsite"),
    # an offer of remote or home working anywhere in the ad leaves the job open
    ("Die Tätigkeit erfolgt vor Ort. Homeoffice an 2 Tagen möglich.", None),
    ("Sie arbeiten vor Ort beim Kunden oder remote.", None),
    ("Working from our office in Berlin.\nTwo days a week from home are possible.", None),
    ("This position is based in our London office. Hybrid working is available.", None),
    ("The office is in the city centre.", None),
    ("", None),
])
def test_office_bound(text, expected):
    assert office_bound(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("- **Einsatzart:** 80\n                                                % Remote", "hybrid"),  # de_037 (freelancermap)
    ("Einsatzort: Meist Remote, Teamtreffen in Münster", "hybrid"),  # de_021 (freelancermap)
    ("100 % Remote", None),  # all of it: the terms reader says remote
    ("Auslastung: 100% (5 Tage pro Woche)", None),
    ("Remote (Germany)", None),
    # a weekly commute to the site (dev5 en_528, eyeo QA Manager); field travel is no commute
    ("For this role, you must be willing to commute to Cologne on a weekly basis.", "hybrid"),
    ("You will travel to customers on a weekly basis across Europe.", None),
    ("Our office is easy to commute to by train.", None),
    # clubcard (dev13 de_1311): the share after the mode
    ("- Vor Ort im Office (Remote teilweise möglich)", "hybrid"),
    ("Remote work partially possible.", "hybrid"),
    ("Remote möglich.", None),
])
def test_remote_share(text, expected):
    assert remote_share(text) == expected


@pytest.mark.parametrize(("place", "expected"), [
    ("remote", "remote"),  # en_055 (front matter "location: remote")
    ("Fully Remote", "remote"),
    ("Remote, Australia", None),  # a place too: the header reader decides
    ("Anywhere", "remote"),  # crunch (dev9 en_914): "**Work location:** Anywhere"
    ("Worldwide", "remote"),
    ("Remote, preference for working hours that overlap with the team (UTC-7 through UTC+3)", "remote"),  # 2i2c
    ("Anywhere in Berlin", None),
    ("Remote-friendly, Berlin", None),
    ("Berlin", None),
    # the mode a place field ends with (dev21 en_2111/en_2112, Seek records)
    ("Brisbane QLD(Hybrid)", "hybrid"),
    ("London - Hybrid", "hybrid"),
    ("Köln, remote", "remote"),
    ("Hybrid", None),
    (None, None),
])
def test_workplace_from_place_field(place, expected):
    assert workplace_from_place_field(place) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Arbeite mit uns in Berlin im Office oder flexibel hybrid, Vollzeit.", "hybrid"),  # dev12 de_1207
    ("OTHER JOB DETAILS\nWork Location Assignment: On Premise", "onsite"),  # dev12 en_1220
    # software run on premises is no workplace (dev11 en_1109)
    ("Our experience in a variety of environments (cloud and on-premise) helps our clients.", None),
    # dev19 de_1906 (Avocadostore), de_1914 (hbz): the offer of some work away from the office, as a perk
    ("* Ein Arbeitsplatz in der Hafencity mit der Möglichkeit, hybrid zu arbeiten", "hybrid"),
    ("* Flexible Arbeitszeiten ohne Kernarbeitszeit, Möglichkeit zur Remote- und Teilzeitarbeit", "hybrid"),
    ("Remote-Arbeit nach Absprache möglich", "hybrid"),
    ("Wir sind ein hybrides Team.", None),
    # a label asking about remote work, answered (dev20 de_2000: a university posting form)
    ("- Remote Job: Teilweise", "hybrid"),
    ("Remote Job: Ja", "remote"),
    ("Homeoffice: ja", "hybrid"),
    ("Remote work: no", "onsite"),
])
def test_workplace_words_of_boards_and_records(text, expected):
    from crawler.parsing.terms import workplace_type

    assert workplace_type(text) == expected
