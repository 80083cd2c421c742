"""Shared helpers of the benchmarks: child processes with their peak memory, medians, JSON."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
RESULTS = REPO_ROOT / "benchmarks" / "results"
SAMPLE_SECONDS = 0.1


_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _cpu_seconds(pid: int) -> float:
    """User + system CPU seconds a process has used so far (from /proc)."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / _TICKS


# What a descendant of a crawl is, by its command line; "parse_worker" is a child of the forkserver.
_ROLES = (("multiprocessing.forkserver", "forkserver"), ("multiprocessing.resource_tracker", "resource_tracker"),
          ("upgrade", "migration"))


def process_role(command_line: str, parent_role: str | None) -> str:
    """What a process of a measured tree is: ``parse_worker`` (forked by the forkserver, whose
    command line it keeps), ``forkserver``, ``resource_tracker``, ``migration`` or ``other``."""
    if parent_role == "forkserver":
        return "parse_worker"
    return next((role for marker, role in _ROLES if marker in command_line), "other")


def _command_line(pid: int) -> str:
    with open(f"/proc/{pid}/cmdline", "rb") as command:
        return command.read().replace(b"\0", b" ").decode(errors="replace")


def _tree_rss_kb(pid: int, cpu: dict[int, float] | None = None, roles: dict[int, str] | None = None) -> int:
    """Resident memory of a process and all its descendants (from /proc), in KB; with ``cpu``,
    also notes each process's CPU seconds so far, and with ``roles`` each descendant's
    :func:`process_role` (read once per process)."""
    total, pending = 0, [(pid, None)]
    while pending:
        current, parent = pending.pop()
        try:
            with open(f"/proc/{current}/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
            if cpu is not None:
                cpu[current] = _cpu_seconds(current)
            if roles is not None and current != pid and current not in roles:
                roles[current] = process_role(_command_line(current), roles.get(parent))
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    pending.extend((int(child), current) for child in children.read().split())
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total


def run_child(command: list[str], cwd: Path | None = None, env: dict[str, str] | None = None,
              timeout: float = 1800) -> dict[str, Any]:
    """Run a command; return its wall seconds, its peak RSS summed over its process tree (MB,
    sampled every 0.1 s), the CPU seconds of the process itself (``main_cpu_s``) and of its
    descendants (``children_cpu_s``, as last sampled; ``children_cpu_s_by_role`` splits them by
    :func:`process_role`) and its output."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd or REPO_ROOT, env={**os.environ, **(env or {})},
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = [0]
    cpu: dict[int, float] = {}
    roles: dict[int, str] = {}
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], _tree_rss_kb(process.pid, cpu, roles))
            done.wait(SAMPLE_SECONDS)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        stdout, stderr = process.communicate()
        raise RuntimeError(f"{' '.join(command[:4])} timed out after {timeout} s") from None
    finally:
        done.set()
        sampler.join()
    main_cpu = cpu.pop(process.pid, 0.0)
    children_by_role: dict[str, float] = {}
    for child, seconds in cpu.items():
        role = roles.get(child, "other")
        children_by_role[role] = children_by_role.get(role, 0.0) + seconds
    return {"seconds": time.perf_counter() - started, "returncode": process.returncode, "stdout": stdout,
            "stderr": stderr, "peak_rss_mb": peak[0] / 1024, "main_cpu_s": main_cpu,
            "children_cpu_s": sum(cpu.values()), "children_cpu_s_by_role": children_by_role}


def median(values: list[float]) -> float:
    return float(statistics.median(values)) if values else float("nan")


def write_json(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, sort_keys=True, default=str) + "\n", encoding="utf-8")
