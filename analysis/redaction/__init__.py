"""Personal-data redaction: typed placeholders for names, contact details,
addresses, NHS numbers, dates of birth, handles and web addresses.

The placeholders are exactly the values of ``PLACEHOLDERS`` (and nothing else is
inserted): ``[name]`` ``[email]`` ``[phone]`` ``[postcode]`` ``[address]``
``[nhs-number]`` ``[date-of-birth]`` ``[handle]`` ``[url]`` ``[ni-number]``
``[vehicle-reg]`` ``[school]`` ``[service]`` ``[reference]`` (a case, crime or pupil reference).
``PLACEHOLDER_RE`` matches any of them.
A placeholder replaces only the identifying words: a school's or service's type
words stay as context ("[school] Academy", "[service] GP surgery",
"[service] children's home"), and so does a possessive ("[name]'s mum").

>>> from analysis.redaction import redact_text
>>> redact_text("my social worker Sarah, call 07700 900123")
'my social worker [name], call [phone]'
"""

from __future__ import annotations

import re
import threading

from .redactor import KINDS, PLACEHOLDERS, PersonalDataRedactor

__all__ = ["KINDS", "PLACEHOLDERS", "PLACEHOLDER_RE", "PersonalDataRedactor", "default_redactor", "redact_text"]

PLACEHOLDER_RE = re.compile("|".join(re.escape(p) for p in PLACEHOLDERS.values()))

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
