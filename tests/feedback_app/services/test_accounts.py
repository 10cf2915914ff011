"""Password hashing: tests hash cheaply, every other configuration keeps argon2's strong defaults."""

import pytest
from argon2 import PasswordHasher
from argon2.profiles import RFC_9106_LOW_MEMORY

from feedback_app import create_app
from feedback_app.config import DevelopmentConfig, ProductionConfig, TestConfig
from feedback_app.services import accounts


@pytest.mark.parametrize("config", [ProductionConfig, DevelopmentConfig])
def test_real_configurations_hash_with_argon2s_strong_defaults(config, tmp_path):
    # Production's own start-up checks want PostgreSQL and https: borrow only its hashing settings.
    app = create_app(type("Config", (DevelopmentConfig,), {
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'db.sqlite'}",
        "PASSWORD_HASH_PARAMETERS": config.PASSWORD_HASH_PARAMETERS,
    }))
    with app.app_context():
        hasher = accounts.hasher()
        made = hasher.hash("correct horse battery staple")
    assert hasher.time_cost == RFC_9106_LOW_MEMORY.time_cost >= 3
    assert hasher.memory_cost == RFC_9106_LOW_MEMORY.memory_cost >= 64 * 1024
    assert hasher.parallelism == RFC_9106_LOW_MEMORY.parallelism
    assert made.startswith("$argon2id$v=19$m=65536,t=3,p=4$")


def test_tests_hash_cheaply_but_still_with_argon2id(app):
    made = accounts.hasher().hash("correct horse battery staple")
    assert TestConfig.PASSWORD_HASH_PARAMETERS["memory_cost"] < PasswordHasher().memory_cost
    assert made.startswith("$argon2id$v=19$m=8,t=1,p=1$")
    assert accounts.hasher().verify(made, "correct horse battery staple")


def test_a_cheap_hash_is_upgraded_to_the_strong_one_at_sign_in_under_production_parameters(app, create_user):
    user = create_user("admin")
    assert "m=8,t=1,p=1" in user.password_hash
    app.config["PASSWORD_HASH_PARAMETERS"] = {}
    result = accounts.sign_in(user.email, "correct horse battery staple")
    assert result.user is not None
    assert result.user.password_hash.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
