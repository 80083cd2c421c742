"""Tests for crawler.parsing.employer_mentions: the employer named only in passing."""

import pytest

from crawler.parsing.employer_mentions import employer_by_mentions


@pytest.mark.parametrize(
    ("text", "title", "expected"),
    [
        # the31337/jobs banjo/devops-engineer.md (dev4 en_407): "here at Banjo" and Banjo as a subject.
        ("We’re looking for people with passion … to become a part of the amazing work we are doing here at Banjo. "
         "Our team is motivated by challenges and dreams big. If that sounds like you, Banjo might just be the "
         "perfect fit.", "Devops Engineer", "Banjo"),
        # the31337/jobs affirm-inc/site-reliability-engineer-devops-sre.md (dev4 en_405): only as a modifier.
        ("- Design, build, and deliver software that will enhance the efficiency of the Affirm platform and products\n"
         "- Work proactively across the company to ensure the Affirm infrastructure is never a constraint",
         "Site Reliability Engineer (Devops/SRE)", "Affirm"),
        # the31337/jobs zipcar/quality-engineer.md (dev4 en_403): a possessive and "At Zipcar, …".
        ("Our company is the world’s largest shared-mobility company. You will verify the functionality of "
         "Zipcar’s internal and consumer facing products.\n\nAt Zipcar, Quality Engineers work closely with "
         "Feature Engineers.", "Quality Engineer", "Zipcar"),
        # funktionale-programmierung blog 2020-07-30-job-checkpad.md (dev4 de_418): "Wir von X suchen".
        ("Wir von Checkpad suchen eine Softwareentwicklerin oder einen Softwareentwickler mit Schwerpunkt "
         "funktionaler Programmierung an unserem Standort in Freiburg!", "Softwareentwicklerinnen und Softwareentwickler",
         "Checkpad"),
        # funktionale-programmierung blog 2015-11-19-factis-research-jobs.md (dev4 de_417): a name in lower case.
        ("Wir von factis research suchen Softwareentwicklerinnen und Softwareentwickler mit Schwerpunkt "
         "funktionale Programmierung.", "Funktionale Programmiererinnen und Programmierer gesucht", "factis research"),
        # the31337/jobs after-school/ios-engineer.md (dev4 en_409): a name opening with a function word.
        ("After School fosters fun and creative online and offline experiences for America's teens.\n\n"
         "If you answered yes we should connect and discuss what After School App can offer you!",
         "iOS Engineer", "After School"),
        # dev3 de_355 (port-zero): "Wenn alles gut klappt" is a conjunction, not an employer doing "alles".
        ("Das Vorstellungsgespräch findet in Berlin statt. Wenn alles gut klappt, kannst Du von Remote arbeiten. "
         "Wenn Du Fragen hast, melde Dich.", "Werkstudent Linux Sysadmin", None),
        # orangeandbronze/main-website 2018-04-17-hr-and-admin-assistant-edusuite.markdown (dev4 en_412): the
        # hiring sentence's subject, said once.
        ("Job Descriptions:\n\nEdusuite is looking for an awesome HR and Admin Assistant that can multitask while "
         "remaining focused.", "HR and Admin Assistant", "Edusuite"),
        # Written: a team as the subject is written in lower case elsewhere.
        ("Marketing is looking for a writer. Our marketing team works from Leeds.", "Content Writer", None),
        # Written: a common word opening sentences is written in lower case elsewhere.
        ("Candidates must hold a degree. Candidates receive an answer within a week. We read every letter from "
         "candidates ourselves.", "Accountant", None),
        # Written: one cue and a name said once is not enough.
        ("You will maintain the Kestrel platform for our clients.", "Platform Engineer", None),
        # Written: the job's own words are not the employer ("the Senior Fullstack team").
        ("Join the Senior Fullstack team. Senior Fullstack engineers ship features weekly.", "Senior Fullstack", None),
    ],
)
def test_employer_by_mentions(text, title, expected):
    assert employer_by_mentions(text, title) == expected
