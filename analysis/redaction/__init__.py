"""Personal-data redaction: typed placeholders for names, contact details,
addresses, NHS numbers, dates of birth, handles and web addresses.

>>> from analysis.redaction import redact_text
>>> redact_text("my social worker Sarah, call 07700 900123")
'my social worker [name], call [phone]'
"""

from __future__ import annotations

import threading

from .redactor import KINDS, PLACEHOLDERS, PersonalDataRedactor

__all__ = ["KINDS", "PLACEHOLDERS", "PersonalDataRedactor", "default_redactor", "redact_text"]

_default: PersonalDataRedactor | None = None
_lock = threading.Lock()


def default_redactor() -> PersonalDataRedactor:
    global _default
    if _default is None:
        with _lock:
            if _default is None:
                _default = PersonalDataRedactor().fit()
    return _default


def redact_text(text: str) -> str:
    """Return ``text`` with personal data replaced by typed placeholders."""
    return default_redactor().redact(text)
