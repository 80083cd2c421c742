"""Headless Chromium driven over the DevTools protocol: open a page, collect its console errors,
evaluate JavaScript, take a full-page screenshot.

Console errors are caught from three event streams, so none slips by: ``Runtime.exceptionThrown``
(uncaught script errors), ``Runtime.consoleAPICalled`` of type error/assert (``console.error``)
and ``Log.entryAdded`` of level error (the browser's own errors: blocked loads, CSP violations).
"""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
import time
import urllib.request
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from websockets.sync.client import connect

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
         "--remote-debugging-port=0"]


@dataclass
class PageVisit:
    """What a page did while it loaded."""

    errors: list[str] = field(default_factory=list)
    values: dict = field(default_factory=dict)


class Chromium:
    """``with Chromium(profile_dir) as browser: browser.visit(url, ...)``."""

    def __init__(self, profile_dir: Path, width: int = 1400, height: int = 3000):
        self.profile_dir = profile_dir
        self.width, self.height = width, height
        self.process: subprocess.Popen | None = None
        self.socket = None
        self._resources = ExitStack()
        self._next_id = 0
        self.events: list[dict] = []

    def __enter__(self) -> "Chromium":
        self.process = subprocess.Popen([CHROMIUM, *FLAGS, f"--user-data-dir={self.profile_dir}", "about:blank"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            self._attach()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def _attach(self) -> None:
        port = self._devtools_port()
        deadline = time.monotonic() + 30
        while True:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=5) as response:
                pages = [target for target in json.load(response) if target["type"] == "page"]
            if pages or time.monotonic() > deadline:
                break
            time.sleep(0.1)
        self.socket = self._resources.enter_context(
            connect(pages[0]["webSocketDebuggerUrl"], max_size=None, open_timeout=30))
        for method in ("Runtime.enable", "Log.enable", "Page.enable"):
            self.call(method)
        self.call("Emulation.setDeviceMetricsOverride",
                  width=self.width, height=self.height, deviceScaleFactor=1, mobile=False)

    def _devtools_port(self) -> int:
        marker = self.profile_dir / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not marker.exists() or not marker.read_text().strip():
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"Chromium did not start (exit code {self.process.poll()})")
            time.sleep(0.05)
        return int(marker.read_text().splitlines()[0])

    def call(self, method: str, **params) -> dict:
        """Send one DevTools command and wait for its answer; events met meanwhile are kept."""
        self._next_id += 1
        self.socket.send(json.dumps({"id": self._next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv(timeout=30))
            if message.get("id") == self._next_id:
                if "error" in message:
                    raise RuntimeError(f"{method} failed: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def _drain(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            try:
                self.events.append(json.loads(self.socket.recv(timeout=left)))
            except TimeoutError:
                return

    def _wait_for_load(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while not any(event.get("method") == "Page.loadEventFired" for event in self.events):
            if time.monotonic() > deadline:
                raise TimeoutError("page did not finish loading")
            self.events.append(json.loads(self.socket.recv(timeout=deadline - time.monotonic())))

    def errors(self) -> list[str]:
        """Every console error, uncaught exception and browser error logged so far."""
        found = []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                details = params["exceptionDetails"]
                found.append(f"exception: {details.get('exception', {}).get('description') or details.get('text')}")
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                found.append("console: " + " ".join(str(arg.get("value", arg.get("description")))
                                                    for arg in params.get("args", [])))
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                found.append(f"log: {params['entry'].get('text')}")
        return found

    def visit(self, url: str, expression: str, screenshot: Path | None = None, settle_seconds: float = 0.5) -> PageVisit:
        """Load ``url``, evaluate ``expression`` (returning JSON-able data), optionally save a screenshot."""
        self.events.clear()
        self.call("Page.navigate", url=url)
        self._wait_for_load()
        self._drain(settle_seconds)
        evaluated = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in evaluated:
            raise RuntimeError(f"evaluation failed: {evaluated['exceptionDetails']}")
        if screenshot is not None:
            shot = self.call("Page.captureScreenshot", format="png", captureBeyondViewport=True)
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            screenshot.write_bytes(base64.b64decode(shot["data"]))
        return PageVisit(self.errors(), evaluated["result"].get("value") or {})

    def __exit__(self, *exc) -> None:
        self._resources.close()
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
