"""Charts are accessible inline SVG with no script; hidden figures are not drawn."""

from types import SimpleNamespace

from bs4 import BeautifulSoup

from feedback_app.services.charts import comparison_chart, distribution_chart
from feedback_app.services.suppression import SUPPRESSED


def _rows(*pairs):
    return [SimpleNamespace(label=label, percent=percent) for label, percent in pairs]


def test_distribution_chart_has_a_title_description_and_no_script(app):
    with app.test_request_context():
        svg = distribution_chart("How safe <b>do</b> you feel?", _rows(("Safe", 60), ("Unsafe", 40)))
    doc = BeautifulSoup(svg, "html.parser")
    root = doc.select_one("svg")
    assert root["role"] == "img"
    title_id, desc_id = root["aria-labelledby"].split()
    assert doc.find(id=title_id).name == "title"
    assert doc.find(id=title_id).text == "How safe <b>do</b> you feel?"
    assert "<b>" not in str(svg).split("<title", 1)[1].split("</title>")[0]
    assert "Safe: 60%" in doc.find(id=desc_id).text
    assert not doc.select("script")
    assert "<?xml" not in svg


def test_hidden_figures_are_not_drawn_and_the_description_says_so(app):
    with app.test_request_context():
        svg = distribution_chart("Q", _rows(("Safe", 80), ("Unsafe", SUPPRESSED), ("Not sure", SUPPRESSED)))
    doc = BeautifulSoup(svg, "html.parser")
    assert "Unsafe: hidden" in doc.select_one("desc").text
    assert {value.text for value in doc.select(".serie-0 .value")} == {"80%"}
    assert len(doc.select(".serie-0 rect.rect")) == 1


def test_comparison_chart_has_one_series_per_year(app):
    with app.test_request_context():
        svg = comparison_chart("Q", ["Yes", "No"], [(2024, [70, 30]), (2025, [SUPPRESSED, SUPPRESSED])])
    doc = BeautifulSoup(svg, "html.parser")
    assert "2024: Yes: 70%" in doc.select_one("desc").text
    assert "2025: Yes: hidden" in doc.select_one("desc").text
    assert doc.select_one("svg")["role"] == "img"


def test_labels_are_escaped(app):
    with app.test_request_context():
        svg = distribution_chart("Q", _rows(("<script>alert(1)</script>", 100)))
    assert "<script>alert" not in svg
    assert not BeautifulSoup(svg, "html.parser").select("script")


def test_two_comparison_charts_on_one_page_share_no_ids(app):
    with app.test_request_context():
        page = "".join(comparison_chart(title, ["Yes", "No"], [(2024, [70, 30]), (2025, [60, 40])])
                       for title in ("First", "Second"))
    ids = [tag["id"] for tag in BeautifulSoup(page, "html.parser").select("[id]")]
    assert any("activate-serie" in id_ for id_ in ids)
    assert len(ids) == len(set(ids))
