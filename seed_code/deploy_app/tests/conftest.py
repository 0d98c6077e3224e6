"""Shared fixtures for the deploy app tests."""
import os

import pytest

import stage_config

CONFIG_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "config")


def under_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true"}


def require(module: str):
    """Imports an optional test dependency: skips when it is missing, except under CI=true where it fails."""
    try:
        return __import__(module)
    except ImportError:
        if under_ci():
            pytest.fail(f"{module} is required under CI=true (scripts/ensure-tools installs it)")
        pytest.skip(f"{module} is not installed")


@pytest.fixture
def need():
    return require


@pytest.fixture
def config_dir():
    return CONFIG_DIR


@pytest.fixture
def dev_config():
    return stage_config.load(CONFIG_DIR, "dev")


@pytest.fixture
def isolated_aws(monkeypatch, tmp_path):
    """Fake credentials and no shared config, profile or endpoint override from the machine running the tests."""
    for key in list(os.environ):
        if key.startswith("AWS_"):
            monkeypatch.delenv(key)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-credentials"))
