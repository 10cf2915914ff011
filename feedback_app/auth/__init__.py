"""Who may see what: Flask-Login set-up and the role checks every staff route carries."""
