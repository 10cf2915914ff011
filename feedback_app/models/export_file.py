"""A response export built in the background (the Excel workbook of every response).

Only the person who asked for it may download it, while they still hold a role allowed to export; it is
deleted when it expires (``flask exports purge``, run by the scheduler). Its bytes are kept in the database
so any web process (or machine) can serve it, and nothing is written to a disk outside the database.
"""

from datetime import datetime

from sqlalchemy import ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from feedback_app.extensions import db
from feedback_app.models._types import UTCDateTime, utcnow


class ExportFile(db.Model):
    __tablename__ = "export_file"

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(64), unique=True)  # random: the address of its pages
    survey_id: Mapped[int] = mapped_column(ForeignKey("survey.id", ondelete="CASCADE"), index=True)
    requested_by_id: Mapped[int] = mapped_column(ForeignKey("staff_user.id", ondelete="CASCADE"), index=True)
    year: Mapped[int | None] = mapped_column()
    language: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(20))  # queued, ready, failed
    rows: Mapped[int | None] = mapped_column()
    content: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
