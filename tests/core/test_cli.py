"""`facevqa ask` end to end in a subprocess: table, JSON lines, per-item errors, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from facevqa.examples import example_path


def _ask(*args, home) -> subprocess.CompletedProcess:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "FACEVQA_HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "facevqa.cli", "ask", *map(str, args)],
                          capture_output=True, text=True, timeout=300, env=env)


def test_ask_json_lines_with_a_bad_file(tiny_paligemma, tmp_path):
    bad = tmp_path / "broken.jpg"
    bad.write_text("not an image")
    run = _ask(example_path("astronaut"), bad, "-q", "What emotion is shown?", "--model",
               tiny_paligemma, "--json", home=tmp_path)
    assert run.returncode == 0, run.stderr
    rows = [json.loads(line) for line in run.stdout.splitlines()]
    assert rows[0]["status"] in ("ok", "abstain") and rows[1]["status"] == "error"
    assert rows[0]["task"] == "emotion" and abs(sum(rows[0]["probs"].values()) - 1) < 1e-5
    assert rows[0]["face"]["box"] and "not a recognised image" in rows[1]["error"]


def test_ask_table_and_refusal(tiny_paligemma, tmp_path):
    run = _ask(example_path("astronaut"), "-q", "Who is this?", "--model", tiny_paligemma,
               home=tmp_path)
    assert run.returncode == 0
    assert "refused" in run.stdout and "identify" in run.stdout


def test_usage_errors_exit_2(tmp_path):
    run = _ask(example_path("astronaut"), "-q", "how old?", "--model", tmp_path / "nope",
               home=tmp_path)
    assert run.returncode == 2 and "neither a local checkpoint" in run.stderr
    run = _ask(example_path("astronaut"), "-q", "how old?", "--adapters", "oops", home=tmp_path)
    assert run.returncode == 2 and "TASK=PATH" in run.stderr
