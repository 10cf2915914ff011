"""Impact reports as staff see them: figures from ``training_impact`` with labels and charts.

Labels come from the three training survey files, so the report speaks the
words attendees were shown. Charts are pygal SVG (``services.charts``), always
shown beside a table of the same figures.
"""

import secrets
from dataclasses import dataclass

import pygal
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from markupsafe import Markup

from feedback_app.models.training import STAGES
from feedback_app.services import charts, journey
from feedback_app.services.suppression import percentage, shown
from feedback_app.services.training_impact import APPLIED, FOLLOWUP_CHOICES, RATINGS, impact
from feedback_app.services.training_pairing import STAGE_SURVEYS

LEVELS = {
    "reaction": _l("Kirkpatrick level 1: reaction"),
    "learning": _l("Kirkpatrick level 2: learning"),
    "behaviour": _l("Kirkpatrick level 3: behaviour"),
    "results": _l("Kirkpatrick level 4: results"),
}
APPLIED_LABELS = {"yes": _l("Yes"), "partly": _l("Partly"), "no": _l("No"), "dont_know": _l("Not had the chance")}


@dataclass
class Labels:
    questions: dict  # question id -> question text
    choices: dict  # question id -> [(code, label)]

    def codes(self):
        return {qid: [code for code, _label in pairs] for qid, pairs in self.choices.items()}

    def choice(self, qid, code):
        return dict(self.choices.get(qid, [])).get(str(code), str(code))


def labels(language="en"):
    """Question texts and answer labels from the loaded training surveys."""
    questions, choices = {}, {}
    for stage in STAGES:
        state = journey.find_survey(STAGE_SURVEYS[stage])
        if state is None:
            continue
        for question in state.definition.questions:
            questions.setdefault(question.id, question.text(language))
            if question.type in ("single_choice", "multiple_choice", "rating"):
                choices[question.id] = [(str(code), str(label))
                                        for code, label in question.answer_type.choice_labels(language)]
            if question.id == "applied":
                dont_know = dict(question.answer_type.opt_out_choices(language)).get("dont_know")
                if dont_know:
                    choices["applied"] = [(code, str(dont_know) if code == "dont_know" else str(APPLIED_LABELS[code]))
                                          for code in APPLIED]
    for qid in RATINGS:
        choices.setdefault(qid, [(str(point), str(point)) for point in range(1, 6)])
    choices.setdefault("applied", [(code, str(APPLIED_LABELS[code])) for code in APPLIED])
    return Labels(questions, choices)


@dataclass
class Bar:
    label: str
    percent: object


def _short(text, limit=32):
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _mean_chart(title, objectives, series):
    """Bars per objective on the 1 to 5 scale, one series per ``(name, [mean or None])``."""
    config = charts._config(len(objectives), len(series), legend=len(series) > 1)  # noqa: SLF001
    config.update(range=(0, 5), value_formatter=lambda value: f"{value:.2f}", truncate_legend=-1,
                  legend_at_bottom_columns=2)
    chart = pygal.HorizontalBar(**config)
    # Short labels leave room for the bars: the table beside the chart has each objective in full.
    chart.x_labels = [f"{n}. {_short(text)}" for n, text in enumerate(objectives, start=1)][::-1]
    described = []
    for name, means in series:
        values = [float(m) if m is not None and shown(m) else None for m in means]
        chart.add(str(name), values[::-1])
        figures = "; ".join(f"{label}: {m}" if m is not None and shown(m) else f"{label}: " + _("not shown")
                            for label, m in zip(objectives, means, strict=True))
        described.append(_("%(series)s: %(figures)s", series=name, figures=figures))
    description = _("Average confidence from 1 (not at all sure) to 5 (very sure). %(figures)s.",
                    figures=" ".join(described))
    svg = charts._svg(chart, title, description)  # noqa: SLF001
    # pygal numbers its legend items the same in every chart: keep ids unique when a page has several.
    return Markup(svg.replace('id="activate-serie-', f'id="{secrets.token_hex(4)}-activate-serie-'))  # noqa: S704


def confidence_chart(figures):
    names = [row.text for row in figures.confidence]
    series = [(_("Before (all answers)"), [row.before_mean for row in figures.confidence]),
              (_("After (all answers)"), [row.after_mean for row in figures.confidence])]
    if any(shown(row.pairs) and row.pairs for row in figures.confidence):
        series += [(_("Before (paired)"), [row.paired_before for row in figures.confidence]),
                   (_("After (paired)"), [row.paired_after for row in figures.confidence])]
    return _mean_chart(_("Confidence before and after: %(course)s", course=figures.course.title), names, series)


def distribution_chart(title, distribution, names):
    bars = [Bar(names.choice(distribution.question_id, code), percentage(count, distribution.answered))
            for code, count in distribution.counts]
    return charts.distribution_chart(title, bars)


@dataclass
class Report:
    impact: object
    labels: Labels
    confidence_charts: list  # one per course
    reaction_charts: dict
    followup_charts: dict
    levels: dict


def report(sessions, suppress, language="en"):
    names = labels(language)
    found = impact(sessions, names.codes(), suppress)
    confidence = [confidence_chart(figures) if figures.course.objectives else None for figures in found.courses]
    reaction = {qid: distribution_chart(names.questions.get(qid, qid), found.reaction[qid], names)
                for qid in RATINGS if found.reaction[qid].answered}
    followup = {qid: distribution_chart(names.questions.get(qid, qid), found.followup[qid], names)
                for qid in FOLLOWUP_CHOICES if found.followup[qid].answered}
    return Report(found, names, confidence, reaction, followup, LEVELS)
