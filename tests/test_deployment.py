"""Deployment: production installs without dev tools; gunicorn's defaults fit a small host."""

import os
import runpy
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _pip_install_line(target):
    # As a fresh checkout would (-B: as if nothing were installed yet), whatever make called this test
    # (`make test EXTRAS=...` passes its variables down through MAKEFLAGS).
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "EXTRAS")}
    dry_run = subprocess.run(["make", "-B", "-n", target], cwd=ROOT, capture_output=True, text=True, timeout=60,
                             env=env).stdout
    return next(line for line in dry_run.splitlines() if "pip install" in line and "-e" in line)


def test_production_install_leaves_out_the_dev_tools():
    line = _pip_install_line("install-prod")
    assert line.rstrip().endswith('-e "."'), line
    assert "dev" not in line


def test_the_developer_install_keeps_the_dev_tools():
    assert _pip_install_line("install").rstrip().endswith('-e ".[dev]"')


@pytest.mark.parametrize(("cpus", "memory_mb", "workers"), [
    (2, 4096, 2), (1, 1024, 1), (2, 1024, 1), (4, 8192, 4), (16, 65536, 8), (2, None, 2),
])
def test_gunicorn_workers_fit_the_host(cpus, memory_mb, workers):
    settings = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    assert settings["default_workers"](cpus, memory_mb) == workers
    assert settings["threads"] == 4
