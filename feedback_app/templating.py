"""Jinja set-up: GOV.UK Frontend macros and WTForms widgets, survey text helpers."""

from flask import g
from govuk_frontend_wtf.main import WTFormsHelpers
from jinja2 import ChainableUndefined, ChoiceLoader, PackageLoader, PrefixLoader

from feedback_app.survey_definitions import paragraphs, translate


def init_app(app):
    app.jinja_loader = ChoiceLoader([
        PackageLoader("feedback_app"),
        PrefixLoader({
            "govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja"),
            "govuk_frontend_wtf": PackageLoader("govuk_frontend_wtf"),
        }),
    ])
    # The GOV.UK page template reads optional blocks and params that may be absent.
    app.jinja_env.undefined = ChainableUndefined
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    app.jinja_env.filters["t"] = translate
    app.jinja_env.filters["paragraphs"] = paragraphs
    # A global, not a context variable, so macros imported without context can say it too.
    app.jinja_env.globals["suppression_threshold"] = app.config.get("SUPPRESSION_THRESHOLD", 5)
    WTFormsHelpers(app)

    @app.context_processor
    def service_context():
        return {
            "partnership_name": app.config["PARTNERSHIP_NAME"],
            "service_name": app.config["SERVICE_NAME"],
            "current_language": g.get("language", "en"),
        }
