"""Ads saved as their site's source rather than as a page (issue 12, dev13): a React/JSX component
whose function returns the page's markup, and a JSON record escaped twice because it sat in a string
literal of source code. Written here in the shape of such files (not copies of the ads)."""

from datetime import datetime, timezone

import pytest

from crawler.parsing.component_source import component_markup
from crawler.parsing.json_record import read_json_object
from crawler.parsing.posting import parse_document

CRAWLED = datetime(2026, 3, 10, tzinfo=timezone.utc)

FUNCTION_COMPONENT = """import React from "react"

export default function Roaster() {
  return (
    <section id="the-role" className="section--role">
      <h2 className="title--role"><span>Coffee Roaster</span></h2>
      <div className="content">
        <p>
          Kiln Street Coffee is looking for a roaster to join the team at our Leeds roastery.
        </p>
        <ul>
          <li>30 - 37.5 hours per week</li>
          <li>£12.50 p/h</li>
        </ul>
        <p>Send your CV to{" "}<a href="mailto:jobs@kilnstreet.coffee">jobs@kilnstreet.coffee</a>.</p>
      </div>
    </section>
  )
}
"""

ARROW_COMPONENT = """import React from 'react';
import style from './Job.css';

const Job = () => (
  <section className={style.job}>
    <header className={style.header}>
      <h1 className={style.title}>Backend Developer</h1>
      <small className={style.date}>POSTED MAR 3</small>
    </header>
    <div className={style.content}><p>We build tools for {company.name} and others.</p></div>
  </section>
);

export default Job;
"""


@pytest.mark.parametrize(("source", "starts", "holds", "lacks"), [
    (FUNCTION_COMPONENT, '<section id="the-role" class="section--role">', ["<span>Coffee Roaster</span>", "to <a"],
     ["import", "export", "return", '{" "}', "className"]),
    # a CSS module's class keeps its name; other expressions leave nothing
    (ARROW_COMPONENT, '<section class="job">', ['<small class="date">POSTED MAR 3</small>', "tools for  and others"],
     ["style.", "{", "export default"]),
])
def test_component_markup(source, starts, holds, lacks):
    markup = component_markup(source)
    assert markup.startswith(starts)
    assert markup.endswith("</section>")
    for text in holds:
        assert text in markup
    for text in lacks:
        assert text not in markup


@pytest.mark.parametrize("document", [
    "<html><body><h1>Backend Developer</h1></body></html>",
    "export const Job = { title: 'Backend Developer' }",  # a data module: a record, read elsewhere
    "import React from 'react'\n\nexport default function Empty() { return null }",
    "Backend Developer\n\nWe return (with joy) <b>every</b> message.",
])
def test_no_component_markup(document):
    assert component_markup(document) is None


def test_a_component_page_is_read_as_its_markup():
    posting = parse_document(FUNCTION_COMPONENT, crawled_at=CRAWLED)
    assert posting["title"] == "Coffee Roaster"
    assert "import React" not in posting["description"]
    assert (posting["salary_min"], posting["salary_currency"], posting["salary_period"]) == (12.5, "GBP", "hour")


def test_the_header_holding_the_title_is_the_ads_header():
    posting = parse_document(ARROW_COMPONENT, crawled_at=CRAWLED)
    assert posting["title"] == "Backend Developer"
    assert str(posting["date_posted"])[:10] == "2026-03-03"


# A record as a Java or Kotlin test keeps it: every backslash doubled ('\\"' inside markup, '\\n').
TWICE_ESCAPED = r"""{
  "company_name": "Nordlicht Anlagenbau GmbH",
  "title": "Anlagenmechaniker (m/w/d)",
  "description": "<p>Wir bauen Anlagen.</p>\\n<h2>Aufgaben</h2>\\n<ul>\\n<li>Montage</li>\\n</ul>\\n<p>Mehr auf <a href=\\"https://example.org/\\">unserer Seite</a></p>",
  "location": "Erwitte"
}"""


def test_a_record_escaped_twice_is_read():
    data, _rest = read_json_object(TWICE_ESCAPED)
    assert data["title"] == "Anlagenmechaniker (m/w/d)"
    assert '<a href="https://example.org/">' in data["description"]
    assert "\n<h2>Aufgaben</h2>" in data["description"]
    posting = parse_document(TWICE_ESCAPED, crawled_at=CRAWLED)
    assert (posting["title"], posting["company"], posting["city"]) == (
        "Anlagenmechaniker", "Nordlicht Anlagenbau GmbH", "Erwitte")


@pytest.mark.parametrize("document", [
    '{"title": "Anlagenmechaniker", "description": "cut off',  # broken, not escaped twice
    '{"title": "Anlagenmechaniker", "description": "a \\"quoted\\" word" "oops"}',
])
def test_a_broken_record_is_no_record(document):
    assert read_json_object(document) is None
