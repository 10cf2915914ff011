"""Staff users, roles, reset tokens."""

from sqlalchemy import func, select, update

from feedback_app.extensions import db
from feedback_app.models import PasswordResetToken, User, UserRole


def get_user(user_id):
    return db.session.get(User, user_id)


def get_user_by_email(email):
    return db.session.scalar(select(User).where(func.lower(User.email) == email.strip().lower()))


def list_users():
    return list(db.session.scalars(select(User).order_by(User.email)))


def list_users_with_role(role):
    return list(db.session.scalars(
        select(User).join(UserRole).where(UserRole.role == role, User.active.is_(True)).order_by(User.email)
    ))


def add_user(email, password_hash, roles):
    user = User(email=email.strip().lower(), password_hash=password_hash, active=True,
                failed_sign_ins=0, session_version=1)
    user.role_rows = [UserRole(role=role) for role in sorted(set(roles))]
    db.session.add(user)
    db.session.flush()
    return user


def set_roles(user, roles):
    keep = {row.role: row for row in user.role_rows}
    user.role_rows = [keep.get(role) or UserRole(role=role) for role in sorted(set(roles))]
    db.session.flush()


def add_reset_token(user, token_hash, expires_at):
    token = PasswordResetToken(user_id=user.id, token_hash=token_hash, expires_at=expires_at)
    db.session.add(token)
    db.session.flush()
    return token


def get_reset_token(token_hash):
    return db.session.scalar(select(PasswordResetToken).where(PasswordResetToken.token_hash == token_hash))


def void_reset_tokens(user_id, at):
    """Mark every unused reset link of an account as used: only the newest one may work."""
    return db.session.execute(update(PasswordResetToken).where(
        PasswordResetToken.user_id == user_id, PasswordResetToken.used_at.is_(None)).values(used_at=at)).rowcount
