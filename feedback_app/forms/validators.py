"""Validators as callable classes, with GOV.UK-style messages."""

import re

from flask_babel import lazy_gettext as _l
from wtforms.validators import StopValidation, ValidationError


class AnswerRequired:
    """Stop validation with a clear message when nothing was given."""

    field_flags = {"required": True}

    def __init__(self, message):
        self.message = message

    def __call__(self, form, field):
        data = field.data
        if data is None or (isinstance(data, str) and not data.strip()) or data in ([], False):
            field.errors[:] = []
            raise StopValidation(self.message)


class DatePartsRequired:
    """A date is missing only when all three of day, month and year are empty."""

    field_flags = {"required": True}

    def __init__(self, message):
        self.message = message

    def __call__(self, form, field):
        if not any(field.data or ()):
            field.errors[:] = []
            raise StopValidation(self.message)


class MaxCharacters:
    def __init__(self, maximum):
        self.maximum = maximum

    def __call__(self, form, field):
        if field.data and len(field.data) > self.maximum:
            raise ValidationError(
                _l("Your answer must be %(max)s characters or fewer", max=self.maximum)
            )


class NumberInRange:
    def __init__(self, minimum=None, maximum=None, whole=True):
        self.minimum, self.maximum, self.whole = minimum, maximum, whole

    def __call__(self, form, field):
        raw = (field.data or "").strip().replace(",", "")
        if not raw:
            return
        try:
            number = int(raw) if self.whole else float(raw)
        except ValueError:
            message = _l("Enter a whole number, like 12") if self.whole else _l("Enter a number, like 12.5")
            raise ValidationError(message) from None
        if self.minimum is not None and number < self.minimum or self.maximum is not None and number > self.maximum:
            raise ValidationError(
                _l("Enter a number between %(min)s and %(max)s", min=self.minimum, max=self.maximum)
            )


class ExclusiveOption:
    """The "none of these" choice cannot be ticked together with other choices."""

    def __init__(self, value, label):
        self.value, self.label = value, label

    def __call__(self, form, field):
        if field.data and self.value in field.data and len(field.data) > 1:
            raise ValidationError(
                _l("Select “%(none)s” or the options that apply, not both", none=self.label)
            )


class EmailAddress:
    """A light check of an email address's shape (delivery is the real test)."""

    PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

    def __init__(self, message):
        self.message = message

    def __call__(self, form, field):
        if field.data and not self.PATTERN.match(field.data.strip()):
            raise ValidationError(self.message)
