"""The parts of Scrapyd's HTTP API that jobcrawl uses: status, jobs, scheduling, egg upload."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
import uuid

from crawler.errors import JobcrawlError


class ScrapydError(JobcrawlError):
    """A Scrapyd node answered with an error."""


class ScrapydUnavailable(ScrapydError):
    """A Scrapyd node did not answer at all."""


class ScrapydNode:
    """The parts of one Scrapyd node's HTTP API that jobcrawl uses."""

    def __init__(self, url: str, timeout: float = 10.0):
        self.url = url.rstrip("/")
        self.timeout = timeout

    def _call(self, endpoint: str, query: dict | None = None, form: list[tuple[str, str]] | None = None,
              body: bytes | None = None, content_type: str | None = None) -> dict:
        address = f"{self.url}/{endpoint}"
        if query:
            address += "?" + urllib.parse.urlencode(query)
        if form is not None:
            body, content_type = urllib.parse.urlencode(form).encode(), "application/x-www-form-urlencoded"
        request = urllib.request.Request(address, data=body, headers={"Content-Type": content_type} if content_type else {})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                answer = json.loads(response.read().decode("utf-8"))
        except (urllib.error.URLError, OSError, TimeoutError) as error:
            raise ScrapydUnavailable(f"Scrapyd at {self.url} does not answer: {error}") from error
        except ValueError as error:
            raise ScrapydError(f"Scrapyd at {self.url} answered {endpoint} with something else than JSON") from error
        if answer.get("status") != "ok":
            raise ScrapydError(f"Scrapyd at {self.url} refused {endpoint}: {answer.get('message', answer)}")
        return answer

    def daemon_status(self) -> dict:
        """Pending, running and finished job counts of the node."""
        return self._call("daemonstatus.json")

    def list_jobs(self, project: str) -> dict[str, list[dict]]:
        """The node's pending, running and finished jobs of ``project``."""
        return self._call("listjobs.json", {"project": project})

    def schedule(self, project: str, spider: str, jobid: str, arguments: dict[str, str],
                 settings: dict[str, str]) -> str:
        """Queue one crawl; returns its job id."""
        form = [("project", project), ("spider", spider), ("jobid", jobid)]
        form += [("setting", f"{name}={value}") for name, value in settings.items()]
        form += list(arguments.items())
        return self._call("schedule.json", form=form)["jobid"]

    def add_version(self, project: str, version: str, egg: bytes) -> dict:
        """Upload a project egg (``addversion.json``)."""
        boundary = uuid.uuid4().hex
        parts = []
        for name, value in (("project", project), ("version", version)):
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="egg"; filename="{project}.egg"\r\n'
                     "Content-Type: application/octet-stream\r\n\r\n".encode() + egg + b"\r\n")
        parts.append(f"--{boundary}--\r\n".encode())
        return self._call("addversion.json", body=b"".join(parts),
                          content_type=f"multipart/form-data; boundary={boundary}")
