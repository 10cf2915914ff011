"""SQLAlchemy models, one module per aggregate."""

from feedback_app.models.response import Answer, Draft, Response
from feedback_app.models.survey import Cohort, Survey, SurveyStatus, SurveyVersion

__all__ = ["Answer", "Cohort", "Draft", "Response", "Survey", "SurveyStatus", "SurveyVersion"]
