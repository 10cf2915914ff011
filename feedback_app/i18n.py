"""Language of the interface: the respondent's chosen survey language, else English.

Respondent pages run in the language the person chose on the start page (kept in
their draft, then recorded with their response); staff pages are in English. Text
shown in a language other than the page's is wrapped with its own ``lang`` (and
direction) by the ``in_language`` filter, so screen readers pronounce it right.
"""

from functools import lru_cache

from babel import support
from flask import current_app, g, has_request_context, request
from flask_babel import refresh
from markupsafe import Markup, escape
from wtforms.i18n import messages_path

from feedback_app.extensions import babel


def select_locale():
    language = g.get("language")
    return language if language in current_app.config["LANGUAGES"] else "en"


def use_language(language):
    """Make ``language`` the language of the rest of this request's interface text."""
    g.language = language
    # Flask-Babel keeps the first locale it looked up in a request: drop it.
    refresh()
    _use_wtforms_translations()


@lru_cache(maxsize=16)
def wtforms_translations(language):
    """WTForms' own messages in ``language``, read once per process."""
    return support.Translations.load(messages_path(), [language], domain="wtforms")


def _use_wtforms_translations():
    # Flask-WTF would read WTForms' catalogue from disk on every request: hand it the cached one.
    if has_request_context():
        request.wtforms_translations = wtforms_translations(select_locale())


def page_language():
    return g.get("language", "en")


def text_direction(language):
    return "rtl" if language in current_app.config["RTL_LANGUAGES"] else "ltr"


def in_language(text, language):
    """``text`` marked as being in ``language`` when the page is in another one."""
    if text is None or text == "":
        return text
    if not language or language == page_language():
        return escape(text)
    return Markup('<span lang="{0}" dir="{1}">{2}</span>').format(language, text_direction(language), text)


def init_app(app):
    babel.init_app(app, locale_selector=select_locale)
    app.before_request(_use_wtforms_translations)
    app.jinja_env.globals["text_direction"] = text_direction
    app.jinja_env.filters["in_language"] = in_language
