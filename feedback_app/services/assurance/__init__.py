"""Assurance: Section 11 and section 175 self-assessments, panel challenge, action plans and case audits.

``frameworks`` loads framework files; ``rounds`` runs a round from invitation to
submission; ``challenge`` is the assurance panel's review; ``actions`` the action
plans and multi-agency priorities; ``summary`` the reports; ``case_audits`` the
multi-agency case audit tool. Every change is written to the audit log in the
same transaction as the change.
"""
