"""Filters on the results pages: GET forms, so no CSRF token (they change nothing)."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovSelect, GovTextInput
from wtforms import SelectField, StringField
from wtforms.validators import Optional


class GetForm(FlaskForm):
    class Meta:
        csrf = False

    def __init__(self, formdata, **kwargs):
        super().__init__(formdata=formdata, **kwargs)


class ResultsFilterForm(GetForm):
    year = SelectField(_l("Year"), choices=[], validators=[Optional()], widget=GovSelect())
    breakdown = SelectField(_l("Break down by"), choices=[], validators=[Optional()], widget=GovSelect())

    def set_choices(self, years, breakdowns, all_label, none_label):
        self.year.choices = [("", all_label)] + [(str(year), str(year)) for year in years]
        self.breakdown.choices = [("", none_label)] + list(breakdowns)


class FreeTextFilterForm(GetForm):
    q = StringField(_l("Search answers"), validators=[Optional()], widget=GovTextInput())
    question = SelectField(_l("Question"), choices=[], validators=[Optional()], widget=GovSelect())
    cohort = SelectField(_l("Cohort"), choices=[], validators=[Optional()], widget=GovSelect())
    year = SelectField(_l("Year"), choices=[], validators=[Optional()], widget=GovSelect())
