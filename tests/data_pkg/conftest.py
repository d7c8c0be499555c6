"""Fixtures for the data package tests: a few synthetic rows."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def synth_sample_rows():
    """24 synthetic rows: faces, spoofs (half) and a few no-face images."""
    from facevqa.data.synthetic import synth_rows

    return list(synth_rows(24, seed=3, spoof_rate=0.5, nonface_rate=0.1))
