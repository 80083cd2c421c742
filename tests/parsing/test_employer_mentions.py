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
        # orangeandbronze/main-website 2018-04-03-quality-engineer-intern.markdown (dev4 en_431): one possessive
        # cue, before a capitalised word, and a name no common word is spelt like.
        ("The candidate will be joining O&B’s Consulting Services in developing custom software.",
         "Quality Engineer Intern", "O&B"),
        # Written: one cue for a camel-cased name.
        ("You will extend the PayFlow platform with new reports.", "Data Engineer", "PayFlow"),
        # dev5 en_512 (scigility website, job Markdown): one subject cue, and the ad's e-mail address spells the
        # name; the address's lower case does not make the name a common word.
        ("Scigility combines academic and practical knowhow to a unique big data service offering for our "
         "customers. We define, build and operate integrated information platforms.\n\n"
         "We are looking forward to receiving your application online on jobs@scigility.com.",
         "Junior Big Data Software Engineer", "Scigility"),
        # dev5 de_519 (Hochschule Magdeburg-Stendal): the organisation a research group belongs to, spelt by the
        # address hs-magdeburg.de.
        ("Die Forschungsgruppe SPiRIT an der Hochschule Magdeburg-Stendal sucht Unterstützung für das "
         "Forschungsprojekt NachLeben.\n\nBewerbung per E-Mail an: victoria.batz@hs-magdeburg.de",
         "Wissenschaftliche Hilfskraft für Grafik & Design", "Hochschule Magdeburg-Stendal"),
        # Written: "at the <name>" without an organisation word is no cue ("at the Main Station").
        ("We meet at the Main Station every Monday. Write to office@mainstation-events.com.", "Event Assistant", None),
        # orangeandbronze/main-website (dev4 en_412), the title read from the commented front matter: a name in
        # the title's closing brackets is the employer named after the role, not the role's own words.
        ("Edusuite is looking for an awesome HR and Admin Assistant that can multitask while remaining focused.",
         "HR and Admin Assistant (Edusuite)", "Edusuite"),
        # airbytehq/airbyte senior-software-engineer.md (dev4 en_435): the reader's verb opens the sentence.
        ("Join Airbyte's small, but growing, engineering team. We are backed by the world's top investors.\n\n"
         "Email us at join-us@airbyte.io with a link to your LinkedIn.", "Senior Software Engineer", "Airbyte"),
        # the31337/jobs lendup/senior-devops-engineer.md (not in a corpus part): a tool the ad asks for.
        ("- Keep our systems scalable, and self-healing on the AWS platform\n- Deep experience with AWS, "
         "Terraform and Chef", "Senior DevOps Engineer", None),
        # the31337/jobs textnow/senior-backend-engineer-lead.md (not in a corpus part): a department's team.
        ("The San Francisco based Growth Team is focused on growing and engaging company's user base. The Growth "
         "team is extremely data driven and results oriented.", "Senior Backend Engineer (Lead)", None),
        # dev4 en_401 (Snowflake): a brand that is also a tool names the employer as a sentence's subject.
        ("Snowflake is reinventing the data warehouse. As Snowflake grows, we are hiring. Experience with "
         "Snowflake, Redshift or BigQuery is a plus.", "Senior Fullstack", "Snowflake"),
        # Written: a team counts for a name the ad's address spells.
        ("You will join the Kestrel team in Leeds. Kestrel builds route planners.\n\nApply: jobs@kestrel.io",
         "Backend Engineer", "Kestrel"),
        # vele616/monorepo jobboard ad (RebelMouse, a probe file in no corpus part): a heading whose second word
        # ends in "s" is no sentence ("Job requirements").
        ("- Monthly wellness subsidy\n\nJob requirements\n\n- Keen in CSS3\n\nJob requirements\n\n- HTML5",
         "Web Master", None),
        # vele616/monorepo jobboard ad (BMAT, probe): "the R&D team" alone names a department.
        ("You will join the R&D team and research music licensing.", "Research Assistant", None),
        # Written: one cue for "SaaS", said once, is not enough ("LiveRamp" would do: a capital between small
        # letters; "SaaS" ends in one).
        ("You will sell the SaaS platform to retailers.", "Account Executive", None),
        # vele616/monorepo jobboard ad (ShipHero, probe): equal cues, the name written more often wins over a
        # plural noun read as a verb ("SaaS sales preferred").
        ("This is a sales leadership role at ShipHero.\n\n- 7 – 10 years of sales experience. SaaS sales preferred."
         "\n- Grow our SaaS pipeline\n\nShipHero is an 8 year old company. We've grown ShipHero every year.",
         "VP of Sales, SaaS", "ShipHero"),
        # pythonjobs/jobs probe files (no corpus part), each gave a wrong employer before this table's rules:
        # a phrase's initials ("the SaaS infrastructure", compoundpartners.html) ...
        ("- Manage the SaaS infrastructure\n- Keep SaaS costs low\n\nThe SaaS platform serves banks.",
         "Python Developer", None),
        # ... a tool's possessive (eligible-python-and-django-…html) ...
        ("We write tests that automatically execute in Heroku's own CI and then deploy to staging. We host on "
         "Heroku and AWS.", "Software Engineer", None),
        # ... a determiner opening a sentence ("Other duties may be assigned", futurelinkcorp_…html) ...
        ("Includes the following. Other duties may be assigned.\n\nOther duties include filing.",
         "Software Developer", None),
        # ... "University" alone as the organisation a unit belongs to (earlytracks-pythonjs-developer.html).
        ("Earlytracks is a spin-off of the University of Louvain-La-Neuve. Earlytracks builds tools for "
         "sports data.", "Python/JS Developer", "Earlytracks"),
        # Written: a tool that is the ad's own domain is the employer ("Join Airbyte's …", join-us@airbyte.io).
        ("Join Airbyte's small, but growing, engineering team.\n\nEmail us at join-us@airbyte.io.",
         "Senior Software Engineer", "Airbyte"),
        # Written: a team as the subject is written in lower case elsewhere.
        ("Marketing is looking for a writer. Our marketing team works from Leeds.", "Content Writer", None),
        # Written: a common word opening sentences is written in lower case elsewhere.
        ("Candidates must hold a degree. Candidates receive an answer within a week. We read every letter from "
         "candidates ourselves.", "Accountant", None),
        # Written: one cue and a name said once is not enough.
        ("You will maintain the Kestrel platform for our clients.", "Platform Engineer", None),
        # Written: the reader placed in the role at the employer, in German (du and Sie) and English.
        ("Als Site Reliability Engineer bei Nordlicht Systems wirst Du Teil unseres Plattform-Teams.",
         "Site Reliability Engineer", "Nordlicht Systems"),
        ("Als Pflegefachkraft bei der Caritas Pflege Bonn arbeiten Sie in einem festen Team.", "Pflegefachkraft",
         "Caritas Pflege Bonn"),
        ("As a Data Analyst at Kestrel Health, you will own our reporting.", "Data Analyst", "Kestrel Health"),
        # ... but not a place or the customers the role serves
        ("Als Berater bei unseren Kunden wirst du gefordert.", "Berater", None),
        ("As an engineer at heart, you will love this role.", "Engineer", None),
        # Written: the job's own words are not the employer ("the Senior Fullstack team").
        ("Join the Senior Fullstack team. Senior Fullstack engineers ship features weekly.", "Senior Fullstack", None),
        # dev13 en_1307 (LGT): a capitalised "Family" names a family, not what the firm owns; "a career at X as …"
        ("The LGT Capital Partners Analyst Program is a unique opportunity. Continue your career at LGT Capital "
         "Partners as an Associate.\nWe are proud to be owned by the Princely Family of Liechtenstein. Our approach "
         "follows the Princely Family’s long-term perspective.", "Private Markets Analyst", "LGT Capital Partners"),
        # Written: a capitalised word that is the firm's own thing still counts ("the Superhuman Values").
        ("Read the Kestrel Values. Then read the Kestrel Values again.", "Engineer", "Kestrel"),
        # Arbeitnow API ad: a German determiner ending in "s" is no verb of the third person
        ("Werde Teil eines Weltklasse-Teams. Werde Teil eines jungen Unternehmens.", "Manager", None),
        # dev22 en_2209/en_2210 (JSearch records): the employer's kind and an academic degree are no names
        ("Uphold the Firm's code of conduct. You bring opportunities to the Firm.", "Engineer", None),
        ("Bachelor's Degree in Computer Science. A Bachelor's or Master's degree is a plus.", "Engineer", None),
    ],
)
def test_employer_by_mentions(text, title, expected):
    assert employer_by_mentions(text, title) == expected
