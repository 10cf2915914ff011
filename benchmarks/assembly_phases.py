"""What the simulated respondents saw, and when: the journey logs of ``benchmarks/wrk/journey.lua``.

Split out of ``assembly.py`` to say *when* a page was slow: in the opening burst (each respondent's
first request, 300 connections opened in the same second), on a connection wrk had just re-opened
(after a response that said "Connection: close"), soon after a worker recycle, or in the steady state.
"""

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

# A worker that reaches max_requests logs this (gunicorn's error log, one-second timestamps).
RECYCLE_LINE = re.compile(r"^\[(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4})\] \[\d+\] \[INFO\] Autorestarting worker")
# Requests that start this soon after a recycle began count as "after a recycle".
AFTER_RECYCLE_S = 20
BIN_S = 30


@dataclass(frozen=True)
class Request:
    thread: str
    kind: str
    status: str
    ms: float
    sent_us: int  # microseconds since the epoch (0: an old log without the column)
    fresh: bool  # on a connection wrk had just opened


@dataclass
class JourneyLogs:
    requests: list
    errors: Counter
    references: list
    sent: int
    acknowledged: int

    @property
    def latencies(self):
        found = defaultdict(list)
        for request in self.requests:
            found[request.kind].append(request.ms)
        return found

    @property
    def statuses(self):
        found = defaultdict(Counter)
        for request in self.requests:
            found[request.kind][request.status] += 1
        return found


def read_journey_logs(directory):
    """Every response each simulated respondent saw, in order, and their sends and confirmations."""
    requests, errors, references, sent, acknowledged = [], Counter(), [], 0, 0
    for path in sorted(Path(directory).glob("thread-*.log")):
        for line in path.read_text(encoding="utf-8").splitlines():
            fields = line.split("\t")
            if fields[0] == "r" and len(fields) in (4, 6):
                sent_us, fresh = (int(fields[4]), fields[5] == "1") if len(fields) == 6 else (0, False)
                requests.append(Request(path.stem, fields[1], fields[2], int(fields[3]) / 1000, sent_us, fresh))
            elif fields[0] == "ref":
                references.append(fields[1])
            elif fields[0] == "sent":
                sent += 1
            elif fields[0] == "ok":
                acknowledged += 1
            elif fields[0] == "error":
                errors[" ".join(fields[1:])] += 1
    return JourneyLogs(requests, errors, references, sent, acknowledged)


def recycle_times(server_log):
    """Epoch seconds at which a worker reached max_requests and began to stop."""
    times = []
    for line in Path(server_log).read_text(errors="replace").splitlines():
        found = RECYCLE_LINE.match(line)
        if found:
            times.append(datetime.strptime(found.group(1), "%Y-%m-%d %H:%M:%S %z").timestamp())
    return times


def percentile(values, share):
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _row(label, values):
    slow = sum(1 for value in values if value > 1000)
    return (f"| {label} | {len(values)} | {percentile(values, .5):.0f} / {percentile(values, .95):.0f} / "
            f"{percentile(values, .99):.0f} | {slow} |")


def phase_of(request, first_of_thread, recycles):
    if request is first_of_thread:
        return "opening burst: each respondent's first request"
    if request.fresh:
        return "later, on a connection wrk had just re-opened (after Connection: close)"
    sent = request.sent_us / 1e6
    if any(0 <= sent - began < AFTER_RECYCLE_S for began in recycles):
        return f"later, kept-alive, within {AFTER_RECYCLE_S} s after a worker recycle began"
    return "later, kept-alive, steady state"


def phase_report(logs, recycles):
    """Markdown: latency of the start page and of every page by phase, and a timeline."""
    if not logs.requests or not logs.requests[0].sent_us:
        return []
    first = {}
    for request in logs.requests:
        first.setdefault(request.thread, request)
    by_phase = defaultdict(lambda: defaultdict(list))
    for request in logs.requests:
        phase = phase_of(request, first[request.thread], recycles)
        by_phase[phase][request.kind].append(request.ms)
        by_phase[phase]["all pages"].append(request.ms)
    lines = ["", "By phase (when each request was sent):", "",
             "| phase | start page: requests | p50 / p95 / p99 ms | over 1 s | all pages: requests | "
             "p50 / p95 / p99 ms | over 1 s |", "|---|---|---|---|---|---|---|"]
    for phase, kinds in by_phase.items():
        start, every = _row(phase, kinds.get("start page", [])), _row("", kinds["all pages"])
        lines.append(start + every.split("|", 2)[2])
    began = min(request.sent_us for request in logs.requests) / 1e6
    bins = defaultdict(lambda: defaultdict(list))
    for request in logs.requests:
        index = int((request.sent_us / 1e6 - began) // BIN_S)
        bins[index]["all"].append(request.ms)
        if request.kind == "start page":
            bins[index]["start"].append(request.ms)
    recycled = Counter(int((moment - began) // BIN_S) for moment in recycles if moment >= began - 1)
    lines += ["", f"Timeline ({BIN_S} s from the first request; a recycle is a worker reaching max_requests):", "",
              "| seconds | requests | all pages p95 / p99 ms | start pages | start page p95 ms | recycles |",
              "|---|---|---|---|---|---|"]
    for index in sorted(bins):
        every, start = bins[index]["all"], bins[index]["start"]
        lines.append(f"| {index * BIN_S}-{(index + 1) * BIN_S} | {len(every)} | {percentile(every, .95):.0f} / "
                     f"{percentile(every, .99):.0f} | {len(start)} | {percentile(start, .95):.0f} | "
                     f"{recycled.get(index, 0)} |")
    return lines
