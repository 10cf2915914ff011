"""Assurance: Section 11 and section 175 self-assessments, the panel's challenge, action plans, case audits.

``bp`` holds the staff pages (the business unit: admins and analysts; the assurance
panel: the ``qpp`` role). ``agency_bp`` holds the pages an agency's lead or auditor
opens through an invitation link: the link's token puts the agency's work in their
session, and they see that agency's work and nothing else.
"""

from flask import Blueprint

bp = Blueprint("assurance", __name__, url_prefix="/staff/assurance")
agency_bp = Blueprint("agency", __name__, url_prefix="/agency")

from feedback_app.views.assurance import agency, case_audits, panel, rounds  # noqa: E402, F401

__all__ = ["agency_bp", "bp"]
