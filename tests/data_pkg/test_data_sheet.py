"""Contact sheets of rows."""

from __future__ import annotations

from facevqa.data.sheet import contact_sheet


def test_contact_sheet_grid(synth_sample_rows):
    sheet = contact_sheet(synth_sample_rows[:10], cols=4, thumb=64)
    assert sheet.size == (4 * 64, 3 * (64 + 16))
