"""The bad-input corpus through `facevqa ask --json`: one JSON line per image with its own status,
exit code 0, no traceback; good images answered as generate() answers them alone."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from corpus import QUESTIONS
from hardening_support import QUESTION, REPO, same_answer

from facevqa.answer import Answer, Face
from facevqa.ask import printable


def facevqa_command() -> list[str]:
    """The installed `facevqa` script beside this interpreter, else `python -m facevqa.cli`."""
    script = Path(sys.executable).with_name("facevqa")
    return [str(script)] if script.exists() else [sys.executable, "-m", "facevqa.cli"]


def from_json(d: dict) -> Answer:
    d = {k: v for k, v in d.items() if k != "image"}
    face = d.pop("face")
    return Answer(**d, face=None if face is None else Face(tuple(face["box"]), face["score"]))


@pytest.mark.slow
def test_ask_json_over_the_corpus(corpus, tiny_paligemma, tiny_vqa, subprocess_env):
    argv = [*facevqa_command(), "ask", *(os.fsencode(c.path) for c in corpus), "-q", QUESTION,
            "--json", "--model", str(tiny_paligemma), "--device", "cpu", "--batch-size", "8"]
    env = {**subprocess_env, "PYTHONIOENCODING": "utf-8"}  # strict: no surrogates on stdout
    done = subprocess.run(argv, cwd=REPO, env=env, capture_output=True, timeout=120)
    stderr = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 0, stderr[-3000:]
    assert "Traceback" not in stderr, stderr[-3000:]
    lines = done.stdout.decode("utf-8").splitlines()  # valid UTF-8 throughout
    assert len(lines) == len(corpus), lines[-3:]
    good = [c for c in corpus if c.good]
    alone = dict(zip((c.name for c in good),
                     tiny_vqa.generate([c.path for c in good], QUESTION, batch_size=1)))
    for case, line in zip(corpus, lines):
        d = json.loads(line)
        assert d["image"] == printable(case.path), case.name
        assert d["status"] in case.expect, (case.name, d["status"], d["error"])
        if case.message:
            assert re.search(case.message, d["error"] or "", re.I), (case.name, d["error"])
        if case.good:
            same_answer(from_json(d), alone[case.name], case.name)


CLI_QUESTIONS = [q for q in QUESTIONS if q.name in (
    "empty", "blank", "10k_chars_routable", "control_chars", "injection_identity",
    "undecodable_open")]


@pytest.mark.parametrize("question", CLI_QUESTIONS, ids=lambda q: q.name)
def test_ask_odd_questions(question, corpus, tiny_paligemma, capsys):
    from facevqa.cli import main

    face = next(c.path for c in corpus if c.name == "face.jpg")
    argv = ["ask", face, "-q", question.text or "", "--json", "--model", str(tiny_paligemma),
            "--device", "cpu"]
    code = main(argv)
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1
    d = json.loads(out[0])
    assert d["status"] in question.expect, (d["status"], d["error"])
    assert code == (1 if d["status"] == "error" else 0)
    if question.message:
        assert re.search(question.message, d["error"], re.I)
