"""Theme runs: start one, run it in the background, cancel, retry, and notice dead workers.

The lifecycle is ``queued`` → ``running`` → ``complete`` (or ``failed`` /
``cancelled``). The job (``execute``) claims a queued run, keeps a heartbeat
while it works and writes the themes, the assignments and ``complete`` in one
transaction at the very end, so a run that stops half-way leaves nothing
half-written. Whoever next looks at a run (``refresh``) marks a running run
whose heartbeat is older than ``THEME_RUN_LEASE_SECONDS`` as failed: its worker
was killed. Failed and cancelled runs can be retried.
"""

import threading
from datetime import UTC, datetime, timedelta

from flask import current_app
from flask_babel import gettext as _

from analysis.redaction import redact_text
from analysis.themes import Codebook, KSelection, ThemeMatch, ThemePipeline, ThemeResult, match_themes
from analysis.themes import Theme as EngineTheme
from feedback_app import jobs, queries
from feedback_app.models import RunStatus
from feedback_app.queries import themes as theme_queries
from feedback_app.services import audit, theme_sources
from feedback_app.services.theme_insights import OTHER_ORIGIN

JOB = "feedback_app.services.theme_runs.execute"
STAGES = {
    "collecting": 10,
    "analysing": 30,
    "matching": 80,
    "saving": 90,
    "done": 100,
}


class RunCancelled(Exception):
    pass


class RunLost(Exception):
    """Another attempt owns the run now (this one was taken for dead)."""


def _now():
    return datetime.now(UTC)


def stage_label(stage):
    return {
        None: _("Waiting for a worker"),
        "collecting": _("Collecting and redacting answers"),
        "analysing": _("Finding themes"),
        "matching": _("Matching themes to the previous run"),
        "saving": _("Saving themes"),
        "done": _("Finished"),
    }.get(stage, stage)


def default_previous_run(sources):
    """The latest complete run over the same surveys, audiences and questions (for trends)."""
    sources = theme_sources.normalise(sources)
    same = ("audiences", "surveys", "questions")
    for run in theme_queries.list_complete_runs():
        other = theme_sources.normalise(run.sources)
        if all(other[key] == sources[key] for key in same) and other["years"] != sources["years"]:
            return run
    return None


def start(user, title, sources, k=None, previous_run_id=None, backend=None):
    """Create a run and send it to the background; returns the run."""
    sources = theme_sources.normalise(sources)
    with queries.transaction():
        run = theme_queries.add_run(
            title=title, sources=sources, backend=backend or current_app.config.get("THEME_BACKEND", "tfidf"),
            k=k, seed=0, status=RunStatus.queued, progress=0, cancel_requested=False, attempts=0,
            previous_run_id=previous_run_id, created_by_id=user.id if user else None,
            answer_count=0, non_answer_count=0, job_id=jobs.new_job_id())
        audit.add(user, "themes.run_started", target=f"theme_run:{run.id}", sources=sources, k=k,
                  previous_run=previous_run_id)
    _send_to_background(run.id, run.job_id)
    return theme_queries.get_run(run.id)


def _send_to_background(run_id, job_id):
    """Queue the run's job; if the queue cannot be reached (Redis down), mark the run failed at once
    with a message saying so, so it can be retried instead of waiting as "Queued" for ever."""
    try:
        jobs.enqueue(JOB, run_id, job_id=job_id)
        return True
    except Exception:  # noqa: BLE001 - any failure to queue: the run must not look as if it will start
        current_app.logger.exception("theme run %s: could not queue its job", run_id)
        with queries.transaction():
            theme_queries.update_run(run_id, status=RunStatus.failed, finished_at=_now(), error=_(
                "The run could not be started because the background queue is not available. "
                "Try again in a few minutes, or ask your administrator to check the job queue."))
            audit.add(None, "themes.run_not_queued", target=f"theme_run:{run_id}")
        return False


def cancel(run, user):
    """Cancel a queued run now; ask a running one to stop at its next step."""
    if run.finished:
        return False
    with queries.transaction():
        if run.status == RunStatus.queued:
            theme_queries.update_run(run.id, status=RunStatus.cancelled, cancel_requested=True, finished_at=_now(),
                                     stage=None)
        else:
            theme_queries.update_run(run.id, cancel_requested=True)
        audit.add(user, "themes.run_cancelled", target=f"theme_run:{run.id}")
    return True


def retry(run, user):
    """Queue a failed or cancelled run again, with the same sources and settings."""
    if run.status not in (RunStatus.failed, RunStatus.cancelled):
        return False
    with queries.transaction():
        theme_queries.delete_results(run.id)
        job_id = jobs.new_job_id()
        theme_queries.update_run(run.id, status=RunStatus.queued, error=None, cancel_requested=False, progress=0,
                                 stage=None, started_at=None, finished_at=None, heartbeat_at=None, job_id=job_id)
        audit.add(user, "themes.run_retried", target=f"theme_run:{run.id}")
    _send_to_background(run.id, job_id)
    return True


def _rq_job_state(job_id):
    """``"failed"``, ``"missing"`` (no such job in Redis: lost in a flush or restart), ``"unknown"``
    (Redis not answering, or not an RQ job) or ``"alive"``."""
    if not job_id or not job_id.startswith("rq-") or not current_app.config.get("REDIS_URL"):
        return "unknown"
    from rq.exceptions import NoSuchJobError
    from rq.job import Job

    try:
        job = Job.fetch(job_id, connection=jobs.redis_connection())
        status = job.get_status(refresh=True)
    except NoSuchJobError:
        return "missing"
    except Exception:  # noqa: BLE001 - Redis down: say nothing now, the lease decides later
        current_app.logger.warning("theme runs: Redis not answering while checking job %s", job_id)
        return "unknown"
    return "failed" if status in ("failed", "stopped", "canceled") else "alive"


def refresh(run=None):
    """Mark runs whose worker has died as failed (on the next look at them); returns how many."""
    lease = timedelta(seconds=current_app.config.get("THEME_RUN_LEASE_SECONDS", 120))
    now = _now()
    runs = [run] if run is not None else theme_queries.list_runs(status=(RunStatus.queued, RunStatus.running))
    marked = 0
    for found in runs:
        if found is None or found.finished:
            continue
        stale = found.status == RunStatus.running and (found.heartbeat_at is None or found.heartbeat_at < now - lease)
        # Without Redis, a queued run belongs to a thread of this process: if nothing claimed it
        # within the lease, that thread is gone (the server restarted).
        waited = found.status == RunStatus.queued and found.created_at < now - lease and found.started_at is None
        state = _rq_job_state(found.job_id)
        # With Redis, a queued run whose job is no longer there (Redis flushed or restarted without
        # its data) or cannot be asked about past the lease will never start either.
        lost = waited and (not current_app.config.get("REDIS_URL") or state in ("missing", "unknown"))
        if stale or lost or state == "failed":
            with queries.transaction():
                if found.cancel_requested:
                    theme_queries.update_run(found.id, status=RunStatus.cancelled, finished_at=now)
                else:
                    theme_queries.update_run(found.id, status=RunStatus.failed, finished_at=now, error=_(
                        "The background worker stopped before the run finished (it may have been restarted "
                        "or run out of memory). Nothing from this attempt was kept. Retry the run."))
                audit.add(None, "themes.run_lost", target=f"theme_run:{found.id}", attempt=found.attempts)
            marked += 1
    return marked


def add_demo_run():
    """A finished run over the demo workforce answers, for ``make run``; ``None`` if runs exist already."""
    if theme_queries.list_runs(limit=1):
        return None
    slugs = [s.slug for s in theme_queries.list_surveys(["workforce"])]
    sources = theme_sources.normalise({"surveys": slugs})
    if not slugs or not theme_sources.collect(sources, redact=False):
        return None
    with queries.transaction():
        run = theme_queries.add_run(
            title=_("Demo: workforce survey, all years"), sources=sources,
            backend="tfidf", k=None, seed=0, status=RunStatus.queued, progress=0, cancel_requested=False, attempts=0,
            answer_count=0, non_answer_count=0)
    execute(run.id)
    return theme_queries.get_run_for_update(run.id)


# --- the job ----------------------------------------------------------------------------------------


class _Heartbeat:
    """Touch the run's heartbeat from a side thread while the job works (stops if the process dies)."""

    def __init__(self, app, run_id, attempt, interval):
        self.app, self.run_id, self.attempt, self.interval = app, run_id, attempt, interval
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._beat, name=f"heartbeat-{run_id}", daemon=True)

    def _beat(self):
        while not self.stop.wait(self.interval):
            with self.app.app_context():
                try:
                    with queries.transaction():
                        theme_queries.touch_run(self.run_id, self.attempt, _now())
                except Exception:  # a missed beat is retried; only a dead process stops beating
                    self.app.logger.warning("theme run %s: heartbeat not written", self.run_id, exc_info=True)
                finally:
                    theme_queries.end_session()

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join(timeout=10)


def _checkpoint(run_id, attempt, stage):
    """Record progress; stop if the run was cancelled or taken over."""
    run = theme_queries.get_run_for_update(run_id)
    if run.status != RunStatus.running or run.attempts != attempt:
        raise RunLost()
    if run.cancel_requested:
        raise RunCancelled()
    with queries.transaction():
        theme_queries.update_run(run_id, stage=stage, progress=STAGES[stage], heartbeat_at=_now())


def execute(run_id):
    """The background job: analyse a run's answers and store its themes."""
    with queries.transaction():
        claimed = theme_queries.claim_run(run_id, _now())
    if not claimed:
        return
    attempt = theme_queries.get_run_for_update(run_id).attempts
    app = current_app._get_current_object()
    interval = max(1, current_app.config.get("THEME_RUN_LEASE_SECONDS", 120) // 4)
    try:
        with _Heartbeat(app, run_id, attempt, interval):
            _work(run_id, attempt)
    except RunCancelled:
        queries.rollback()
        with queries.transaction():
            theme_queries.update_run(run_id, status=RunStatus.cancelled, finished_at=_now())
    except RunLost:
        queries.rollback()
    except Exception as error:  # recorded on the run for the analyst; the job itself ends normally
        queries.rollback()
        current_app.logger.exception("theme run %s failed", run_id)
        with queries.transaction():
            theme_queries.update_run(run_id, status=RunStatus.failed, finished_at=_now(),
                                     error=_("The analysis stopped with an error: %(error)s",
                                             error=f"{type(error).__name__}: {error}"[:500]))
            audit.add(None, "themes.run_failed", target=f"theme_run:{run_id}", error=type(error).__name__)


def _pipeline(run):
    return ThemePipeline(backend=run.backend, k=run.k, seed=run.seed,
                         model=current_app.config.get("THEME_MODEL") if run.backend == "embeddings" else None)


def reviewed_codebook(run):
    """The previous run's themes as the QPP left them: names now, answers now in each.

    Excluded themes, merged-away themes and "Other answers" are left out, so
    renames, merges, moves and exclusions all carry into the next run.
    """
    pairs = []
    for theme, size in theme_queries.list_themes(run.id):
        if theme.excluded or theme.origin == OTHER_ORIGIN or not size:
            continue
        texts = [redact_text(answer.text or "") for _row, answer, _response in theme_queries.theme_answers(theme.id)]
        pairs.append((theme.label, texts, theme.number))
    return Codebook.from_pairs(pairs)


def _engine_themes(run):
    """The previous run's themes as reviewed now, as engine themes (for matching)."""
    themes = []
    for theme, size in theme_queries.list_themes(run.id):
        if theme.excluded:
            continue
        themes.append(EngineTheme(id=theme.number, label=theme.label, terms=tuple(theme.terms), size=size,
                                  quotes=tuple(theme.quotes), other=theme.origin == OTHER_ORIGIN))
    return ThemeResult(themes=tuple(themes), assignments=(), non_answers=0, k_selection=KSelection(len(themes), ""))


def _work(run_id, attempt):
    _checkpoint(run_id, attempt, "collecting")
    run = theme_queries.get_run(run_id)
    answers = theme_sources.collect(run.sources)
    withheld = theme_sources.count_withheld(run.sources)
    if not answers:
        raise ValueError(_("No answers match the chosen sources."))
    previous = theme_queries.get_run(run.previous_run_id) if run.previous_run_id else None
    if previous is not None and previous.status != RunStatus.complete:
        previous = None
    # The next run starts from the reviewed codebook of the run it is compared with.
    codebook = reviewed_codebook(previous) if previous is not None else None
    _checkpoint(run_id, attempt, "analysing")
    pipeline = _pipeline(run)
    if codebook is not None:
        pipeline.set_params(codebook=codebook)
    pipeline = pipeline.fit([a.text for a in answers])
    result = pipeline.result_
    non_answer = list(pipeline.non_answers_.transform([a.text.strip() for a in answers]))
    _checkpoint(run_id, attempt, "matching")
    run = theme_queries.get_run(run_id)
    matches = {}
    if previous is not None:
        carried = getattr(pipeline, "previous_ids_", {})
        matches = {tid: ThemeMatch(pid, tid, 1.0, result.theme(tid).label, result.theme(tid).label)
                   for tid, pid in carried.items() if pid is not None}
        rest = ThemeResult(themes=tuple(t for t in result.themes if t.id not in matches), assignments=(),
                           non_answers=0, k_selection=result.k_selection)
        taken = {m.previous_id for m in matches.values()}
        earlier = _engine_themes(previous)
        earlier = ThemeResult(themes=tuple(t for t in earlier.themes if t.id not in taken), assignments=(),
                              non_answers=0, k_selection=earlier.k_selection)
        matches.update({m.current_id: m for m in match_themes(earlier, rest).matches})
    _checkpoint(run_id, attempt, "saving")
    _save(run_id, attempt, answers, result, non_answer, matches, run.previous_run_id, withheld=withheld)


def _carry_triangulation(previous_run_id, previous_number, theme_id):
    """A continuing theme keeps the closed-question results the analyst chose for it last time."""
    previous = theme_queries.get_theme_by_number(previous_run_id, previous_number)
    for row in theme_queries.list_triangulations(previous.id) if previous else []:
        theme_queries.add_triangulation(theme_id, row.survey_id, row.item_key, None)


def _save(run_id, attempt, answers, result, non_answer, matches, previous_run_id=None, withheld=0):
    output = {
        # Answers held back for safeguarding review: counted, never analysed.
        "withheld": withheld,
        "themes": [theme.to_dict() | {"number": theme.id} for theme in result.themes],
        "assignments": {str(a.answer_id): n for a, n in zip(answers, result.assignments, strict=True)},
        "non_answers": result.non_answers,
        "k_selection": result.k_selection.to_dict(),
        "timings": dict(result.timings),
        "matches": [{"previous": m.previous_id, "current": m.current_id, "similarity": m.similarity}
                    for m in matches.values()],
        # Other themes an answer also belongs to, by theme number: {answer id: [numbers]}.
        "secondary": {str(a.answer_id): list(also) for a, also in zip(answers, result.secondary or (), strict=False)
                      if also},
    }
    with queries.transaction():
        theme_queries.delete_results(run_id)
        ids = {}
        for theme in result.themes:
            match = matches.get(theme.id)
            row = theme_queries.add_theme(
                run_id=run_id, number=theme.id, label=theme.label[:200], original_label=theme.label[:200],
                terms=list(theme.terms), quotes=list(theme.quotes),
                origin=OTHER_ORIGIN if theme.other else "engine", excluded=False,
                previous_number=match.previous_id if match else None,
                previous_similarity=match.similarity if match else None)
            ids[theme.id] = row.id
            if match:
                _carry_triangulation(previous_run_id, match.previous_id, row.id)
        theme_queries.add_assignments(run_id, [
            (a.answer_id, None if n is None else ids[n], bool(skip))
            for a, n, skip in zip(answers, result.assignments, non_answer, strict=True)])
        finished = theme_queries.finish_run(run_id, attempt, _now(), output=output, answer_count=len(answers),
                                            non_answer_count=result.non_answers)
        if not finished:
            raise RunLost()
        audit.add(None, "themes.run_completed", target=f"theme_run:{run_id}", themes=len(result.themes),
                  answers=len(answers))
