"""The targets file: loading, every kind of mistake reported clearly, and the example file."""

from pathlib import Path

import pytest

from crawler.operations.spider_arguments import argument_spec
from crawler.operations.targets import TargetsFileError, load_targets, parse_targets, project_spider_classes

PROJECT_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def spiders():
    return project_spider_classes()


def problems_of(text: str, spiders) -> list[str]:
    with pytest.raises(TargetsFileError) as caught:
        parse_targets(text, "crawl.toml", spiders)
    return caught.value.problems


def test_a_target_is_loaded_with_its_arguments_settings_and_schedule(spiders):
    targets_file = parse_targets("""
        timezone = "Europe/Berlin"
        [settings]
        LOG_LEVEL = "INFO"
        DOWNLOAD_DELAY = 2
        [targets.acme]
        spider = "greenhouse"
        arguments = { board = "acme", page_size = 50 }
        schedule = "0 6 * * 1-5"
        settings = { DOWNLOAD_DELAY = 0.5, ROBOTSTXT_OBEY = false, ITEM_PIPELINES = { "a.B" = 1 } }
        [targets.feed]
        spider = "rss"
        arguments = { url = "https://example.com/jobs.rss" }
        schedule = "@daily"
        enabled = false
    """, "crawl.toml", spiders)
    acme = targets_file.targets["acme"]
    assert (acme.spider, acme.schedule, acme.enabled) == ("greenhouse", "0 6 * * 1-5", True)
    assert acme.arguments == {"board": "acme", "page_size": "50"}
    assert acme.settings == {"LOG_LEVEL": "INFO", "DOWNLOAD_DELAY": "0.5", "ROBOTSTXT_OBEY": "False",
                             "ITEM_PIPELINES": '{"a.B": 1}'}
    assert [target.name for target in targets_file.enabled] == ["acme"]
    assert str(targets_file.timezone) == "Europe/Berlin"


def test_list_arguments_become_the_comma_form_spiders_split(spiders):
    targets_file = parse_targets("""
        [targets.site]
        spider = "jsonld"
        arguments = { start_urls = ["https://a.example/jobs", "https://b.example/jobs"] }
        schedule = "0 * * * *"
    """, "crawl.toml", spiders)
    assert targets_file.targets["site"].arguments == {"start_urls": "https://a.example/jobs,https://b.example/jobs"}


@pytest.mark.parametrize("target, expected", [
    ('spider = "grenhouse"\narguments = { board = "acme" }\nschedule = "0 6 * * *"',
     "target 'acme': unknown spider 'grenhouse' (did you mean 'greenhouse'?"),
    ('spider = "greenhouse"\narguments = { board = "acme" }\nschedule = "61 6 * * *"',
     "target 'acme': schedule '61 6 * * *' is not a cron expression"),
    ('spider = "greenhouse"\narguments = { board = "acme" }\nschedule = "every day"',
     "target 'acme': schedule 'every day' is not a cron expression"),
    ('spider = "greenhouse"\narguments = { board = "acme" }',
     "target 'acme': schedule is missing"),
    ('spider = "greenhouse"\narguments = { bord = "acme" }\nschedule = "0 6 * * *"',
     "target 'acme': greenhouse unknown argument 'bord' (accepted: base_url, board, company_name, page_size)"),
    ('spider = "greenhouse"\nschedule = "0 6 * * *"',
     "target 'acme': greenhouse missing argument: needs -a board=…"),
    ('spider = "greenhouse"\narguments = { board = "acme", page_size = 0 }\nschedule = "0 6 * * *"',
     "target 'acme': greenhouse -a page_size must be a positive whole number, got '0'"),
    ('spider = "personio"\narguments = { company = "Acme Robotik" }\nschedule = "0 6 * * *"',
     "target 'acme': personio -a company='acme robotik' is not a Personio subdomain"),
    ('spider = "arbeitsagentur"\narguments = { umkreis = 25 }\nschedule = "0 6 * * *"',
     "target 'acme': arbeitsagentur give -a was=QUERY (job title or keywords) and/or -a wo=PLACE"),
    ('spider = "greenhouse"\narguments = { board = "acme" }\nshedule = "0 6 * * *"',
     "target 'acme': unknown key 'shedule' (did you mean 'schedule'?)"),
    ('spider = "greenhouse"\narguments = { board = "acme" }\nschedule = "0 6 * * *"\nenabled = "yes"',
     "target 'acme': enabled must be true or false, got 'yes'"),
    ('spider = "greenhouse"\narguments = { board = "acme" }\nschedule = "0 6 * * *"\nsettings = { download_delay = 1 }',
     "target 'acme': setting 'download_delay' is not a Scrapy setting name"),
])
def test_mistakes_in_a_target_are_reported_clearly(spiders, target, expected):
    problems = problems_of(f"[targets.acme]\n{target}\n", spiders)
    assert any(problem.startswith(expected) for problem in problems), problems


def test_every_problem_of_a_file_is_reported_at_once(spiders):
    problems = problems_of("""
        timezone = "Mars/Olympus"
        [targets.one]
        spider = "nosuchspider"
        schedule = "0 6 * * *"
        [targets.two]
        spider = "lever"
        arguments = { company = "acme" }
        schedule = "0 25 * * *"
    """, spiders)
    assert len(problems) == 3
    assert problems[0].startswith("timezone 'Mars/Olympus' is not an IANA time zone name")


@pytest.mark.parametrize("text, expected", [
    ("[targets.acme\nspider = 1", "not valid TOML"),
    ('timezone = "UTC"', "no targets"),
    ('[targets."bad name!"]\nspider = "rss"\narguments = { url = "https://x.example/f.rss" }\nschedule = "@daily"',
     "target 'bad name!': a name has letters, digits"),
    ('[job.acme]\n[targets.a]\nspider = "rss"\narguments = { url = "https://x.example/f.rss" }\nschedule = "@daily"',
     "file: unknown key 'job'"),
])
def test_mistakes_in_the_file_itself_are_reported(spiders, text, expected):
    problems = problems_of(text, spiders)
    assert any(problem.startswith(expected) for problem in problems), problems


def test_a_missing_file_says_how_to_name_one(tmp_path):
    with pytest.raises(TargetsFileError) as caught:
        load_targets(tmp_path / "nowhere.toml")
    assert "no such file (give --targets PATH or set JOBCRAWL_TARGETS" in str(caught.value)


def test_the_file_error_message_lists_every_problem(spiders):
    with pytest.raises(TargetsFileError) as caught:
        parse_targets('[targets.a]\nspider = "x"\nschedule = "bad"\n', "crawl.toml", spiders)
    message = str(caught.value)
    assert message.startswith("crawl.toml has 2 problems:\n  - target 'a': unknown spider 'x'")
    assert "\n  - target 'a': schedule 'bad' is not a cron expression" in message


def test_declared_arguments_win_over_derived_ones():
    from crawler.bases.job_spider import JobSpider

    class DeclaredSpider(JobSpider):
        name = "declared"
        accepted_arguments = ("query",)
        required_arguments = (("query", "category"),)

    spec = argument_spec(DeclaredSpider)
    assert spec.declared and spec.accepted == {"query", "category"}
    assert spec.required == (("query", "category"),)


def test_the_example_file_covers_every_spider_and_is_valid(spiders):
    targets_file = load_targets(PROJECT_ROOT / "crawl.toml")
    assert {target.spider for target in targets_file.targets.values()} == set(spiders)
