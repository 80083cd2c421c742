"""JSON-LD and microdata JobPostings in the shapes real pages use (SOURCES.md §1.3)."""

import pytest

from crawler.parsing.structured import extract_job_postings, extract_json_ld


def page(*blocks: str) -> str:
    scripts = "".join(f'<script type="application/ld+json">{block}</script>' for block in blocks)
    return f"<html><head>{scripts}</head><body><h1>x</h1></body></html>"


@pytest.mark.parametrize(
    "html, titles",
    [
        (page('{"@context":"https://schema.org","@type":"JobPosting","title":"A"}'), ["A"]),
        (page('[{"@type":"Organization","name":"O"},{"@type":"JobPosting","title":"B"}]'), ["B"]),
        (page('{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"JobPosting","title":"C"}]}'), ["C"]),
        (page('{"@type":["JobPosting"],"title":"D"}'), ["D"]),
        (page('{"@type":"BreadcrumbList"}', '{"@type":"JobPosting","title":"E"}'), ["E"]),
        (page('//<![CDATA[\n{"@type":"JobPosting","title":"F"}\n//]]>'), ["F"]),
        (page('{&quot;@type&quot;:&quot;JobPosting&quot;,&quot;title&quot;:&quot;G&quot;}'), ["G"]),
        (page('{"@type":"JobPosting","title":"H\tline\nbreak"}'), ["H\tline\nbreak"]),
        (page('{"@type":"JobPosting","Title":"I"}'), ["I"]),
        (page('{"@type":"JobPosting","title":"J" "x":1}', '{"@type":"JobPosting","title":"K"}'), ["K"]),
        (page('{"@type":"Organization","name":"no job here"}'), []),
    ],
)
def test_json_ld_shapes(html, titles):
    assert [node.get("title") for node in extract_json_ld(html).job_postings] == titles


def test_broken_block_is_reported_and_does_not_hide_others():
    result = extract_json_ld(page('{"@type":"JobPosting" "title":"x"}', '{"@type":"JobPosting","title":"ok"}'))
    assert [node["title"] for node in result.job_postings] == ["ok"]
    assert len(result.errors) == 1 and "block 1" in result.errors[0]


def test_graph_id_references_are_resolved():
    html = page('{"@graph":[{"@type":"Organization","@id":"#org","name":"Beispiel GmbH"},'
                '{"@type":"JobPosting","title":"T","hiringOrganization":{"@id":"#org"}}]}')
    [node] = extract_json_ld(html).job_postings
    assert node["hiringOrganization"]["name"] == "Beispiel GmbH"


def test_microdata_job_posting():
    html = """<html><body><div itemscope itemtype="http://schema.org/JobPosting">
      <h1 itemprop="title">Data Engineer (m/w/d)</h1>
      <meta itemprop="datePosted" content="2026-03-02">
      <div itemprop="hiringOrganization" itemscope itemtype="http://schema.org/Organization">
        <span itemprop="name">Beispiel GmbH</span></div>
      <div itemprop="description"><p>Hello</p></div></div></body></html>"""
    [node] = extract_job_postings(html).job_postings
    assert node["title"] == "Data Engineer (m/w/d)"
    assert node["hiringOrganization"]["name"] == "Beispiel GmbH"
    assert node["datePosted"] == "2026-03-02"


def test_a_job_posting_object_literal_in_a_component_script_is_read():
    # the shape of an Astro page component that builds its JSON-LD in code (dev11 de_1116)
    component = """---
const siteUrl = "https://example.org";
const jobSchema = {
  "@context": "https://schema.org",
  "@type": "JobPosting",
  "title": "Logopäde / Sprachtherapeut (m/w/d)",
  "datePosted": new Date().toISOString().split('T')[0],
  "validThrough": "2026-12-31",
  "hiringOrganization": { "@type": "Organization", "name": "Praxis Beispiel", "sameAs": siteUrl },
};
const breadcrumbs = { "@type": "BreadcrumbList", "itemListElement": [] };
---
<h1>Logopädie gesucht</h1>"""
    [posting] = extract_job_postings(component).job_postings
    assert posting["title"] == "Logopäde / Sprachtherapeut (m/w/d)"
    assert posting["hiringOrganization"]["name"] == "Praxis Beispiel"
    assert posting["validThrough"] == "2026-12-31"


def test_a_page_without_job_posting_objects_gives_none():
    assert extract_job_postings("<script>const x = { '@type': 'BreadcrumbList' };</script><p>JobPosting</p>").job_postings == []


def _page(block: str) -> str:
    return f'<html><head><script type="application/ld+json">{block}</script></head><body></body></html>'


@pytest.mark.parametrize("block", [
    # a template's comments kept in the page (dev24 de_2403), a "//" inside a URL left alone
    '{"@type": "JobPosting", "title": "PKA", "url": "https://example.org/jobs", // Titel hier\n'
    ' "hiringOrganization": {"name": "Apotheke"} /* Arbeitgeber */}',
    # PHP's escaped apostrophe
    '{"@type": "JobPosting", "title": "PKA", "hiringOrganization": {"name": "Apotheke am Ku\\\'damm"}}',
    # a trailing comma left by a hand-written block
    '{"@type": "JobPosting", "title": "PKA", "hiringOrganization": {"name": "Apotheke"},}',
])
def test_broken_json_ld_of_real_pages_is_read(block):
    result = extract_json_ld(_page(block))
    assert result.errors == []
    assert [node["title"] for node in result.job_postings] == ["PKA"]
    assert result.job_postings[0]["hiringOrganization"]["name"].startswith("Apotheke")


def test_markup_in_a_json_ld_name_is_no_part_of_it():
    from crawler.parsing.jobposting import fields_from_job_posting
    from datetime import datetime

    node = {"@type": "JobPosting", "title": "PKA (m/w/d)",
            "hiringOrganization": {"@type": "Organization", "name": "Bio 7.0 Apotheke&lt;br/&gt;am Ku'damm"}}
    assert fields_from_job_posting(node, datetime(2024, 11, 27))["company"] == "Bio 7.0 Apotheke am Ku'damm"
