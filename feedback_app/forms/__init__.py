"""Form classes. Every form is a FlaskForm, so every form carries a CSRF token."""
