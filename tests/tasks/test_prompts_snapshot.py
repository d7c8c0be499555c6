"""Prompt snapshot: every canonical prompt per family is frozen in tests/snapshots/prompts.json.

A prompt change fails here until the snapshot is rewritten on purpose:
    FACEVQA_UPDATE_SNAPSHOTS=1 python -m pytest tests/tasks/test_prompts_snapshot.py
so prompt edits show up as a diff in review.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from facevqa.tasks import all_prompts, families

SNAPSHOT = Path(__file__).resolve().parents[1] / "snapshots" / "prompts.json"


def test_prompts_match_snapshot():
    current = all_prompts()
    if os.environ.get("FACEVQA_UPDATE_SNAPSHOTS") == "1":
        SNAPSHOT.write_text(json.dumps(current, indent=1, ensure_ascii=False) + "\n")
    frozen = json.loads(SNAPSHOT.read_text())
    changed = sorted(k for k in current.keys() | frozen.keys() if current.get(k) != frozen.get(k))
    assert not changed, (f"prompts changed: {changed[:10]}; if intended, rerun with "
                         "FACEVQA_UPDATE_SNAPSHOTS=1 and commit tests/snapshots/prompts.json")


def test_prompt_styles():
    prompts = all_prompts()
    assert set(families()) == {"paligemma", "llava"}
    assert prompts["paligemma/emotion"] == "answer en what emotion is shown?"
    assert prompts["paligemma/caption"] == "caption en"
    assert prompts["paligemma/spoof"] == "answer en is this photo of a real person?"
    assert prompts["llava/emotion"].startswith("What emotion is shown? Answer with one word:")
    assert all("<image>" not in p and "USER:" not in p for p in prompts.values())
