"""Language of the interface: the respondent's chosen survey language, else English."""

from flask import current_app, g

from feedback_app.extensions import babel


def select_locale():
    language = g.get("language")
    return language if language in current_app.config["LANGUAGES"] else "en"


def text_direction(language):
    return "rtl" if language in current_app.config["RTL_LANGUAGES"] else "ltr"


def init_app(app):
    babel.init_app(app, locale_selector=select_locale)
    app.jinja_env.globals["text_direction"] = text_direction
