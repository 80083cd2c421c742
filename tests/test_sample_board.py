"""The bundled sample board: generated site, manifest and HTTP server, checked over 127.0.0.1."""

from __future__ import annotations

import http.client
import json
import re
import urllib.error
import urllib.request
import xml.etree.ElementTree as ElementTree
from collections import Counter, deque
from urllib.parse import urljoin, urlsplit

import lxml.html
import pytest

from crawler.sample_board import MANIFEST_PATH, SITE_DIR
from crawler.sample_board.generate import build_site
from crawler.sample_board.seed_pages import JUNIOR_SEED, SENIOR_SEED, seed_lines
from crawler.sample_board.server import PathOutsideSite, resolve_site_path, serve
from crawler.sample_board.site_index import ADS_PER_PAGE

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
GENDER_MARKER = re.compile(r"\((?:m/w/d|m/f/d|w/m/d|all genders)\)|\*in\b")
LD_JSON_BLOCK = re.compile(r'<script type="application/ld\+json">\s*(.*?)\s*</script>', re.S)


@pytest.fixture(scope="module")
def board():
    with serve() as server:
        yield server


@pytest.fixture(scope="module")
def manifest() -> list[dict]:
    return json.loads(MANIFEST_PATH.read_text(encoding="utf-8"))["ads"]


def fetch(url: str) -> tuple[int, str, bytes]:
    """(status, content type, body) without raising on error statuses."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read()


def raw_get(board, path: str) -> tuple[int, bytes]:
    """GET with the path sent as written (urllib would normalise ``..``)."""
    connection = http.client.HTTPConnection(board.host, board.port, timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def links(base_url: str, body: bytes) -> set[str]:
    """Same-page-independent links of an HTML page: absolute, without query and fragment."""
    document = lxml.html.fromstring(body.decode("utf-8"))
    found = set()
    for href in document.xpath("//a/@href"):
        parts = urlsplit(urljoin(base_url, href))
        found.add(f"{parts.scheme}://{parts.netloc}{parts.path}")
    return found


def crawl(board) -> dict[str, int]:
    """Breadth-first crawl of every same-host page from the root: {url: status}."""
    seen: dict[str, int] = {}
    queue = deque([f"{board.url}/"])
    while queue:
        url = queue.popleft()
        if url in seen:
            continue
        status, content_type, body = fetch(url)
        seen[url] = status
        if status != 200 or not content_type.startswith("text/html"):
            continue
        try:
            queue.extend(link for link in links(url, body) if link.startswith(board.url))
        except UnicodeDecodeError:
            continue  # bad/binary.html: junk bytes, nothing to follow
    return seen


def listing_pages(board) -> list[tuple[str, bytes]]:
    """Listing pages reached by following "next page" links from page 1."""
    pages = []
    url: str | None = f"{board.url}/jobs/page-1.html"
    while url:
        status, _, body = fetch(url)
        assert status == 200, url
        pages.append((url, body))
        next_links = lxml.html.fromstring(body.decode("utf-8")).xpath('//a[@rel="next"]/@href')
        url = urljoin(url, next_links[0]) if next_links else None
    return pages


def jobs_ads(manifest: list[dict]) -> list[dict]:
    return [ad for ad in manifest if ad["area"] == "jobs"]


def test_root_and_every_listing_page_are_reachable(board, manifest):
    status, content_type, body = fetch(f"{board.url}/")
    assert (status, content_type) == (200, "text/html; charset=utf-8")
    assert b'href="/jobs/page-1.html"' in body
    pages = listing_pages(board)
    assert len(pages) == -(-len(manifest) // ADS_PER_PAGE)


def test_following_links_from_the_root_reaches_every_ad(board, manifest):
    reached = crawl(board)
    for ad in manifest:
        assert reached.get(f"{board.url}/{ad['path']}") == 200, ad["path"]
    broken = {url: status for url, status in reached.items() if status != 200}
    assert broken == {}


def test_listing_pages_link_every_ad_once(board, manifest):
    linked = [link for url, body in listing_pages(board) for link in links(url, body) if "/page-" not in link]
    ad_links = Counter(link.removeprefix(f"{board.url}/") for link in linked if "/jobs/" in link or "/bad/" in link)
    assert set(ad_links) == {ad["path"] for ad in manifest}


def test_robots_and_sitemaps_list_every_ad_with_absolute_urls(board, manifest):
    status, content_type, robots = fetch(f"{board.url}/robots.txt")
    assert (status, content_type) == (200, "text/plain; charset=utf-8")
    assert f"Sitemap: {board.url}/sitemap.xml" in robots.decode()
    assert "Disallow: /" not in robots.decode()

    status, content_type, index = fetch(f"{board.url}/sitemap.xml")
    assert status == 200 and content_type.startswith("application/xml")
    children = [loc.text for loc in ElementTree.fromstring(index).findall("sm:sitemap/sm:loc", SITEMAP_NS)]
    assert children == [f"{board.url}/sitemap-jobs-1.xml", f"{board.url}/sitemap-jobs-2.xml"]

    listed = {}
    for child in children:
        status, _, body = fetch(child)
        assert status == 200 and b"{{BASE_URL}}" not in body
        for url in ElementTree.fromstring(body).findall("sm:url", SITEMAP_NS):
            listed[url.find("sm:loc", SITEMAP_NS).text] = url.find("sm:lastmod", SITEMAP_NS).text
    assert set(listed) == {f"{board.url}/{ad['path']}" for ad in manifest}
    assert all(loc.startswith("http://127.0.0.1:") for loc in listed)
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", lastmod) for lastmod in listed.values())


def test_manifest_covers_enough_ads_languages_and_markups(manifest):
    ads = jobs_ads(manifest)
    assert len(ads) >= 50
    languages = Counter(ad["language"] for ad in ads)
    assert set(languages) == {"de", "en"} and min(languages.values()) >= 0.4 * len(ads)
    markups = Counter(ad["markup"] for ad in ads)
    assert set(markups) == {"jsonld", "graph", "microdata", "plain", "seed"}
    assert 0.35 <= (markups["jsonld"] + markups["graph"]) / len(ads) <= 0.55
    assert 0.18 <= markups["microdata"] / len(ads) <= 0.32
    assert 0.22 <= markups["plain"] / len(ads) <= 0.38
    assert {ad["country"] for ad in ads} == {"DE", "AT", "CH"}
    assert sum(ad["via_agency"] for ad in ads) >= 5
    assert all(ad["company"] is None for ad in ads if ad["via_agency"])
    assert len({ad["path"] for ad in manifest}) == len(manifest)


@pytest.mark.parametrize(
    ("path", "outcome", "reason"),
    [
        ("bad/broken-html.html", "stored", None),
        ("bad/broken-jsonld.html", "stored", None),
        ("bad/only-broken-jsonld.html", "rejected", "no_valid_jobposting"),
        ("bad/no-title.html", "rejected", "missing_title"),
        ("bad/binary.html", "rejected", "undecodable_page"),
    ],
)
def test_bad_area_expectations(manifest, path, outcome, reason):
    entry = next(ad for ad in manifest if ad["path"] == path)
    assert (entry["outcome"], entry["reason"]) == (outcome, reason)


def ld_json_blocks(html: str) -> list[object | None]:
    """Each JSON-LD block parsed leniently (CDATA guards, raw newlines), None when malformed."""
    parsed = []
    for block in LD_JSON_BLOCK.findall(html):
        block = re.sub(r"^//<!\[CDATA\[|//\]\]>$", "", block.strip()).strip()
        try:
            parsed.append(json.loads(block, strict=False))
        except json.JSONDecodeError:
            parsed.append(None)
    return parsed


def job_postings(payload: object) -> list[dict]:
    """JobPosting nodes of a parsed block: object, array or @graph; @id references resolved."""
    nodes = payload if isinstance(payload, list) else payload.get("@graph", [payload])
    by_id = {node["@id"]: node for node in nodes if "@id" in node}
    postings = []
    for node in nodes:
        types = node.get("@type")
        if "JobPosting" in (types if isinstance(types, list) else [types]):
            organization = node.get("hiringOrganization")
            if isinstance(organization, dict) and set(organization) == {"@id"}:
                node = {**node, "hiringOrganization": by_id[organization["@id"]]}
            postings.append(node)
    return postings


def test_bad_pages_are_broken_the_intended_way():
    site = SITE_DIR
    broken = ld_json_blocks((site / "bad/broken-jsonld.html").read_text(encoding="utf-8"))
    assert broken[0] is None and job_postings(broken[1])[0]["title"] == "Sachbearbeiter Einkauf (m/w/d)"
    assert ld_json_blocks((site / "bad/only-broken-jsonld.html").read_text(encoding="utf-8")) == [None]
    no_title_page = (site / "bad/no-title.html").read_text(encoding="utf-8")
    (no_title,) = job_postings(ld_json_blocks(no_title_page)[0])
    assert "title" not in no_title and "<h1" not in no_title_page
    truncated = (site / "bad/broken-html.html").read_text(encoding="utf-8")
    assert not truncated.rstrip().endswith("</html>") and job_postings(ld_json_blocks(truncated)[0])
    with pytest.raises(UnicodeDecodeError):
        (site / "bad/binary.html").read_bytes().decode("utf-8")


def test_structured_pages_carry_the_expected_title_and_employer(manifest):
    for ad in jobs_ads(manifest):
        page = (SITE_DIR / ad["path"]).read_text(encoding="utf-8")
        blocks = ld_json_blocks(page)
        if ad["markup"] in ("jsonld", "graph"):
            postings = [posting for block in blocks if block for posting in job_postings(block)]
            assert len(postings) == 1, ad["path"]
            organization = postings[0]["hiringOrganization"]
            name = organization if isinstance(organization, str) else organization["name"]
            assert name == (ad["company"] or ad["agency"]), ad["path"]
            assert postings[0]["title"] == ad["title_raw"], ad["path"]
        else:
            assert blocks == [], ad["path"]
        assert ("itemtype=\"http" in page and "/JobPosting" in page) == (ad["markup"] == "microdata"), ad["path"]
        if "mojibake:title" not in ad["variants"]:
            assert " ".join(GENDER_MARKER.sub(" ", ad["title_raw"]).split()) == ad["title"], ad["path"]
            h1 = lxml.html.fromstring(page).xpath("//h1")[0].text_content().strip()
            assert h1 == ad["title_raw"].strip(), ad["path"]


def test_seed_pages_show_the_seed_text(board):
    _, _, senior = fetch(f"{board.url}/jobs/senior-machine-learning-engineer-essen.html")
    body = lxml.html.fromstring(senior.decode("utf-8")).xpath("//body")[0]
    assert [text.strip() for text in body.itertext() if text.strip()] == seed_lines(SENIOR_SEED)

    _, _, junior = fetch(f"{board.url}/jobs/junior-data-scientist-ml-engineer-koeln.html")
    article = lxml.html.fromstring(junior.decode("utf-8")).xpath("//article")[0]
    assert [text.strip() for text in article.itertext() if text.strip()] == seed_lines(JUNIOR_SEED)
    assert "companyâ€™s" in junior.decode("utf-8") and b"application/ld+json" not in junior


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("/", "text/html; charset=utf-8"),
        ("/jobs/page-2.html", "text/html; charset=utf-8"),
        ("/bad/binary.html", "text/html; charset=utf-8"),
        ("/sitemap-jobs-1.xml", "application/xml; charset=utf-8"),
        ("/robots.txt", "text/plain; charset=utf-8"),
    ],
)
def test_content_types(board, path, content_type):
    status, served_type, _ = fetch(f"{board.url}{path}")
    assert (status, served_type) == (200, content_type)


@pytest.mark.parametrize("path", ["/jobs/no-such-ad.html", "/nothing/here", "/jobs/page-99.html"])
def test_missing_pages_are_404(board, path):
    assert fetch(f"{board.url}{path}")[0] == 404


@pytest.mark.parametrize(
    "path",
    ["/../server.py", "/jobs/../../server.py", "/%2e%2e/server.py", "/jobs/..%2f..%2fgenerate.py", "/..%5cserver.py"],
)
def test_paths_outside_the_site_are_refused(board, path):
    status, body = raw_get(board, path)
    assert status == 403
    assert b"def " not in body


def test_symlink_out_of_the_site_is_refused(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (tmp_path / "secret.txt").write_text("secret")
    (site / "leak.txt").symlink_to(tmp_path / "secret.txt")
    with pytest.raises(PathOutsideSite):
        resolve_site_path(site, "/leak.txt")
    assert resolve_site_path(site, "/absent.html") is None


def test_base_url_follows_the_host_the_client_used(board):
    connection = http.client.HTTPConnection(board.host, board.port, timeout=10)
    connection.request("GET", "/robots.txt", headers={"Host": f"localhost:{board.port}"})
    robots = connection.getresponse().read().decode()
    connection.close()
    assert f"Sitemap: http://localhost:{board.port}/sitemap.xml" in robots


def test_stopped_server_releases_its_port():
    server = serve()
    assert fetch(f"{server.url}/")[0] == 200
    server.stop()
    with pytest.raises(OSError):
        urllib.request.urlopen(f"{server.url}/", timeout=2)


def test_generator_is_deterministic_and_the_committed_site_is_current():
    files = build_site()
    assert files == build_site()
    on_disk = {str(path.relative_to(SITE_DIR)): path.read_bytes() for path in SITE_DIR.rglob("*") if path.is_file()}
    assert sorted(on_disk) == sorted(files)
    stale = [path for path, content in files.items() if on_disk[path] != content]
    assert stale == [], "run `python -m crawler.sample_board.generate` and commit site/"
