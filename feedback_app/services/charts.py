"""Accessible charts: pygal horizontal bars rendered to inline SVG on the server.

Each chart is an image with a ``<title>`` and a ``<desc>`` (``role="img"``,
``aria-labelledby``) and no script. The same figures are always shown in a
table beside the chart; hidden (suppressed) figures are left out of the chart.
"""

import re
import sys
from functools import lru_cache

import pygal
from flask_babel import get_locale
from flask_babel import gettext as _
from markupsafe import Markup, escape
from pygal.style import Style

from feedback_app.services.suppression import shown

# GOV.UK palette: blue, purple, turquoise, orange, dark grey.
STYLE = Style(
    background="#ffffff", plot_background="#ffffff", foreground="#0b0c0c", foreground_strong="#0b0c0c",
    foreground_subtle="#505a5f", opacity="1", opacity_hover=".85", transition="0s",
    colors=("#1d70b8", "#4c2c92", "#28a197", "#f47738", "#505a5f", "#d53880"),
    font_family="Arial, sans-serif", label_font_size=14, major_label_font_size=14, value_font_size=14,
    legend_font_size=14, tooltip_font_size=14,
)
BAR_HEIGHT = 34

# pygal adds a legacy import hook (for its map plugins, unused here) that makes every
# failed import raise an ImportWarning on Python 3.11+: take it out again.
sys.meta_path[:] = [finder for finder in sys.meta_path if type(finder).__name__ != "PluginImportFixer"]
_OPEN_TAG = re.compile(r"<svg\b([^>]*)>")


def _svg(chart, title, description):
    svg = chart.render(is_unicode=True)
    match = _OPEN_TAG.search(svg)
    chart_id = re.search(r'id="([^"]+)"', match.group(1)).group(1)
    head = (f'<svg{match.group(1)} role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" focusable="false">'
            f'<title id="{chart_id}-title">{escape(title)}</title>'
            f'<desc id="{chart_id}-desc">{escape(description)}</desc>')
    # pygal writes its config as a script even with ``js=[]``: the page needs none.
    body = re.sub(r"<!--.*?-->|<script\b.*?</script>", "", svg[match.end():], flags=re.S)
    # Legend ids are the same in every pygal chart: make them unique to this chart.
    body = body.replace("activate-serie-", f"{chart_id}-activate-serie-")
    # pygal builds the SVG with etree (labels escaped); title and description are escaped above.
    return Markup(head + body)  # noqa: S704


def _config(rows, series=1, legend=False):
    return dict(
        style=STYLE, js=[], disable_xml_declaration=True, show_legend=legend, legend_at_bottom=True,
        width=800, height=max(160, 70 + BAR_HEIGHT * rows * series + (40 if legend else 0)),
        print_values=True, value_formatter=lambda value: f"{value:.0f}%", range=(0, 100),
        truncate_label=40, truncate_legend=30, show_y_guides=False, margin=10, spacing=12,
        explicit_size=False,
    )


def _description(labels, values):
    parts = []
    for label, value in zip(labels, values, strict=True):
        parts.append(_("%(label)s: %(percent)s%%", label=label, percent=value) if value is not None
                     else _("%(label)s: hidden", label=label))
    return "; ".join(parts)


# A chart is a pure function of its title, labels, shown percentages and language, and pygal takes tens of
# milliseconds to draw one: a results page of 10,000 responses draws a few dozen that rarely change, so
# each process keeps the last few hundred it drew (about 10 KB each).
CACHED_CHARTS = 512


def _locale():
    return str(get_locale() or "")


def distribution_chart(title, rows):
    """A horizontal bar per answer, as a percentage of those answering.

    ``rows``: objects with ``label`` and ``percent`` (an int or ``SUPPRESSED``).
    """
    return _distribution_chart(_locale(), str(title), tuple(str(row.label) for row in rows),
                               tuple(row.percent if shown(row.percent) else None for row in rows))


@lru_cache(maxsize=CACHED_CHARTS)
def _distribution_chart(_language, title, labels, values):
    labels, values = list(labels), list(values)
    chart = pygal.HorizontalBar(**_config(len(labels)))
    # pygal draws the first bar at the bottom: reverse so the chart reads like the table.
    chart.x_labels = labels[::-1]
    chart.add(_("Percentage"), values[::-1])
    description = _("Percentage of people answering who gave each answer. %(figures)s.",
                    figures=_description(labels, values))
    return _svg(chart, title, description)


def comparison_chart(title, labels, series):
    """Bars side by side per answer, one series per year: ``series`` is ``[(name, [percent])]``."""
    return _comparison_chart(_locale(), str(title), tuple(str(label) for label in labels),
                             tuple((str(name), tuple(p if shown(p) else None for p in percents))
                                   for name, percents in series))


@lru_cache(maxsize=CACHED_CHARTS)
def _comparison_chart(_language, title, labels, series):
    labels = list(labels)
    chart = pygal.HorizontalBar(**_config(len(labels), len(series), legend=True))
    chart.x_labels = labels[::-1]
    described = []
    for name, percents in series:
        values = list(percents)
        chart.add(name, values[::-1])
        described.append(_("%(series)s: %(figures)s", series=name, figures=_description(labels, values)))
    description = _("Percentage of people answering who gave each answer, by year. %(figures)s.",
                    figures=" ".join(described))
    return _svg(chart, title, description)
