"""SQLAlchemy models, one module per aggregate."""

from feedback_app.models.assurance import (
    ActionStatus,
    ActionUpdate,
    Agency,
    AgencyAction,
    AuditCase,
    CaseAudit,
    CaseAuditAgency,
    CaseReturn,
    Framework,
    Priority,
    Round,
    StandardAnswer,
    Submission,
    SubmissionStatus,
)
from feedback_app.models.audits import (
    AuditAction,
    AuditProposal,
    AuditProposalTheme,
    PriorityArea,
    ProposalStatus,
    PublishedReport,
    ScorecardIndicator,
)
from feedback_app.models.export_file import ExportFile
from feedback_app.models.reliability import OutboxEmail, RateLimitCounter
from feedback_app.models.response import Answer, Draft, Response, ResultsDataVersion
from feedback_app.models.safeguarding import AlertStatus, SafeguardingAlert
from feedback_app.models.survey import Cohort, Survey, SurveyDraft, SurveyStatus, SurveyVersion
from feedback_app.models.themes import (
    RunStatus,
    Theme,
    ThemeAnswer,
    ThemeReviewEvent,
    ThemeRun,
    ThemeTriangulation,
)
from feedback_app.models.training import (
    FollowupReminder,
    TrainingCourse,
    TrainingResponse,
    TrainingSession,
)
from feedback_app.models.user import ROLES, AuditEvent, PasswordResetToken, User, UserRole

__all__ = [
    "ROLES", "AlertStatus", "SafeguardingAlert", "Answer", "AuditEvent", "Cohort", "Draft", "PasswordResetToken",
    "Response",
    "ResultsDataVersion", "Survey",
    "SurveyDraft", "SurveyStatus", "SurveyVersion", "User", "UserRole",
    "OutboxEmail", "RateLimitCounter",
    "FollowupReminder", "TrainingCourse", "TrainingResponse", "TrainingSession",
    "RunStatus", "Theme", "ThemeAnswer", "ThemeReviewEvent", "ThemeRun", "ThemeTriangulation",
    "AuditAction", "AuditProposal", "AuditProposalTheme", "PriorityArea", "ProposalStatus", "PublishedReport",
    "ScorecardIndicator",
    "ActionStatus", "ActionUpdate", "Agency", "AgencyAction", "AuditCase", "CaseAudit", "CaseAuditAgency",
    "ExportFile",
    "CaseReturn", "Framework", "Priority", "Round", "StandardAnswer", "Submission", "SubmissionStatus",
]
