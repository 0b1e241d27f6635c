"""Dates: absolute and relative expressions, anchors and precision (our own illustrative sentences)."""
import datetime as dt

import pytest

from sitrep.extract.dates import ACLED_TIME_PRECISION, DateFinder, find_expressions, parse_expression, resolve
from sitrep.extract.model import Doc, ReportMeta
from sitrep.extract.sentences import split_sentences

ANCHOR = dt.date(2024, 3, 15)   # a Friday


def one(text, anchor=ANCHOR):
    found = list(find_expressions(text))
    assert found, f"no date in {text!r}"
    a, b, expr = found[0]
    return text[a:b], resolve(expr, anchor)


@pytest.mark.parametrize("text,value,precision", [
    ("The convoy left on March 12, 2024, at dawn.", "2024-03-12", "day"),
    ("The convoy left on 12 March 2024.", "2024-03-12", "day"),
    ("The convoy left on Mar. 12.", "2024-03-12", "day"),
    ("Posted 2024-03-12 09:30.", "2024-03-12", "day"),
    ("Publication date: 2024/03/12 10:00", "2024-03-12", "day"),
    ("Fighting raged on March 10-11.", "2024-03-11", "day"),
    ("The base was set up in October 2019.", "2019-10", "month"),
    ("Drills were held in late February.", "2024-02", "month"),
    ("The campaign began in mid-January.", "2024-01", "month"),
    ("The brigade was formed in 2021.", "2021", "year"),
    ("during the second week of March 2024", "2024-03-08", "week"),
])
def test_absolute(text, value, precision):
    _, v = one(text)
    assert (v.value, v.precision) == (value, precision)


@pytest.mark.parametrize("text,value,precision", [
    ("Yesterday, a patrol crossed the river.", "2024-03-14", "day"),
    ("The unit withdrew on Saturday.", "2024-03-09", "day"),       # the Saturday before a Friday anchor
    ("The unit withdrew on Friday.", "2024-03-15", "day"),         # the anchor's own weekday
    ("The depot was hit last Friday.", "2024-03-08", "day"),
    ("They arrived on the previous day.", "2024-03-14", "day"),
    ("A second group arrived the following day.", "2024-03-16", "day"),
    ("The meeting took place during the same day.", "2024-03-15", "day"),
    ("Trucks crossed early this morning.", "2024-03-15", "day"),
    ("Two days ago the militia moved north.", "2024-03-13", "day"),
    ("The talks resumed earlier this week.", "2024-03-11", "week"),
    ("The officers were detained last month.", "2024-02", "month"),
    ("A few days ago, reinforcements arrived.", "2024-03", "month"),
])
def test_relative(text, value, precision):
    _, v = one(text)
    assert (v.value, v.precision) == (value, precision)


def test_vague_has_no_false_precision():
    span, v = one("Several months earlier the group held similar drills.")
    assert v.value is None
    span, v = one("The faction has fought in both countries in recent years.")
    assert v.value is None


def test_year_inferred_backwards_across_new_year():
    # A report of January 3 speaking of "December 28" means the December before.
    _, v = one("On December 28, the outlet reported new arrivals.", dt.date(2024, 1, 3))
    assert v.value == "2023-12-28"


def test_relative_resolved_against_cited_report():
    expr = parse_expression("on the previous day")
    assert resolve(expr, dt.date(2023, 6, 10), "cited report").value == "2023-06-09"
    assert resolve(expr, dt.date(2023, 6, 10), "cited report").anchor == "cited report"


def test_weekday_with_explicit_date_is_absolute():
    text = "The unit struck last Tuesday, June 6, near the river."
    spans = [(text[a:b], resolve(e, dt.date(2023, 6, 9)).value) for a, b, e in find_expressions(text)]
    assert spans == [("Tuesday, June 6", "2023-06-06")]


def test_may_the_verb_is_not_a_month():
    assert list(find_expressions("The meeting may have discussed the strikes.")) == []


def test_acled_precision_map():
    assert ACLED_TIME_PRECISION == {"day": 1, "week": 2, "month": 3, "year": 3}


def test_finder_stage_fills_doc_dates():
    text = "On Sunday, the observatory said a convoy entered the town on March 3."
    doc = Doc(text=text, meta=ReportMeta(id="x", origin="x", published="2024-03-05"), body=[(0, len(text))])
    doc = DateFinder()(split_sentences(doc))
    assert [(m.text, m.entity.value) for m in doc.dates] == [("On Sunday", "2024-03-03"), ("March 3", "2024-03-03")]


def test_past_month_is_the_anchor_month_and_later_that_day_is_found():
    import datetime as _dt
    from sitrep.extract.dates import find_expressions, parse_expression, resolve
    anchor = _dt.date(2024, 3, 14)
    assert resolve(parse_expression("over the past month"), anchor).value == "2024-03"
    assert resolve(parse_expression("last month"), anchor).value == "2024-02"
    assert [t for _, _, t in [(a, b, "x") for a, b, _ in find_expressions("Later that day, the convoy left.")]]


def test_day_first_numeric_dates():
    from sitrep.extract.dates import find_expressions
    text = "03/11 - Jasim. On 14/2/2024 the army moved. At 07:00, 3/4 of the fighters left; brief 2024/071."
    found = [(text[a:b], (e.year, e.month, e.day)) for a, b, e in find_expressions(text)]
    assert found == [("03/11", (None, 11, 3)), ("14/2/2024", (2024, 2, 14))]
