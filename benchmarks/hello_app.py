"""The smallest Flask app, served by ``benchmarks/assembly.py`` under the same gunicorn settings as
the service: its requests per second are the ceiling that the respondent pages are compared with."""

from flask import Flask


def create_app():
    app = Flask(__name__)

    @app.route("/")
    def hello():
        return "Hello"

    return app
