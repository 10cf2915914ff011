"""The registry of answer types: one class each, looked up by name."""

from feedback_app.answer_types.choice import Consent, MultipleChoice, SingleChoice, YesNo
from feedback_app.answer_types.scale import Agreement, Grid, Rating
from feedback_app.answer_types.simple import DateAnswer, Number, Statement
from feedback_app.answer_types.text import LongText, ShortText

ANSWER_TYPES = {
    cls.name: cls
    for cls in (
        Statement, ShortText, LongText, SingleChoice, MultipleChoice, Agreement, Rating,
        Grid, Number, DateAnswer, YesNo, Consent,
    )
}

__all__ = ["ANSWER_TYPES"]
