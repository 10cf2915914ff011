"""Translatable survey wording: a plain string (English) or ``{en: ..., cy: ...}``."""


def translate(text, language):
    """Return ``text`` in ``language``, falling back to English."""
    if text is None:
        return None
    if isinstance(text, str):
        return text
    return text.get(language) or text["en"]


def languages_of(text):
    if text is None:
        return set()
    if isinstance(text, str):
        return {"en"}
    return set(text)


def paragraphs(text, language):
    """Split translated text into paragraphs on blank lines."""
    value = translate(text, language)
    if not value:
        return []
    return [part.strip() for part in value.split("\n\n") if part.strip()]
