"""Crash drills: kill -9 training and evaluation at random points, corrupt a predictions file;
every rerun must end exactly where an uninterrupted run ends."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hardening_support import REPO

from eval.predictions import read_predictions

DEADLINE_S = 120
"""Longest wait for one child process (they take seconds on an idle machine)."""


def wait_for(condition, proc: subprocess.Popen, timeout: float = DEADLINE_S) -> bool:
    """Poll `condition()` every 10 ms until it holds (True) or `proc` exits (False)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return True
        if proc.poll() is not None:
            return condition()
        time.sleep(0.01)
    raise TimeoutError("the child process neither finished nor reached the kill point")


def kill9(proc: subprocess.Popen) -> bool:
    """SIGKILL the child; True if it was still running."""
    alive = proc.poll() is None
    if alive:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    return alive


# --- training -----------------------------------------------------------------------------------

TRAIN_YAML = """\
# the tiny recipe of tests/finetune/conftest.py
base: {base}
name: emotion
steps: 6
batch_size: 4
lr: 0.005
warmup_steps: 1
eval_every: 3
save_every: 2
out: {out}
lora: {{r: 4, alpha: 8, dropout: 0.1}}
data: {{n_train: 12, n_eval: 6, tasks: [emotion, spoof], image_size: 64}}
"""


@pytest.mark.slow
def test_kill_9_training_after_first_checkpoint_then_resume(tmp_path, tiny_paligemma,
                                                            subprocess_env):
    from safetensors.torch import load_file

    from facevqa.config import load_config
    from finetune.config import TrainConfig
    from finetune.train import train

    killed, whole = tmp_path / "killed", tmp_path / "whole"
    recipe = tmp_path / "tiny.yaml"
    recipe.write_text(TRAIN_YAML.format(base=tiny_paligemma, out=killed))
    cmd = [sys.executable, "-m", "finetune", "--config", str(recipe), "--no-progress"]
    first = killed / "checkpoints" / "step-0000002" / "trainer_state.pt"
    proc = subprocess.Popen(cmd, cwd=REPO, env=subprocess_env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    try:
        assert wait_for(first.exists, proc), proc.stderr.read().decode()[-3000:]
    finally:
        was_running = kill9(proc)
        proc.stderr.close()
    assert was_running, "training finished before the kill: the drill proved nothing"
    assert not (killed / "adapter" / "adapter_model.safetensors").exists()
    done = subprocess.run([*cmd, "--resume"], cwd=REPO, env=subprocess_env, text=True,
                          capture_output=True, timeout=DEADLINE_S)
    assert done.returncode == 0, done.stderr[-3000:]
    resumed = Path(done.stdout.strip().splitlines()[-1].removeprefix("saved "))
    cfg = load_config(TrainConfig, recipe, [f"out={whole}"])
    reference = train(cfg, progress=False)
    a = load_file(reference / "adapter_model.safetensors")
    b = load_file(resumed / "adapter_model.safetensors")
    assert a.keys() == b.keys() and a
    import torch

    for k in a:
        assert torch.allclose(a[k], b[k], atol=1e-6), k


# --- evaluation ---------------------------------------------------------------------------------

EVAL_ARGS = ["--data", "synthetic", "--limit", "8", "--dev-limit", "4", "--train-limit", "0",
             "--tasks", "age,spoof", "--max-new-tokens", "2", "--batch-size", "2", "--n-boot",
             "20", "--no-plots", "--no-progress", "--workers", "1", "--device", "cpu"]
TOTAL = (8 + 4) * 2
"""Predictions of a finished run: (test + dev images) x tasks."""


def eval_argv(model: Path, out: Path) -> list[str]:
    return ["--model", str(model), *EVAL_ARGS, "--out", str(out)]


def lines(path: Path) -> list[dict]:
    """A predictions file as parsed lines, in a fixed order (the file's order may differ)."""
    got = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    return sorted(got, key=lambda d: (d["model"], d["id"]))


def results(out: Path) -> tuple[list[dict], dict, list]:
    doc = json.loads((out / "metrics.json").read_text())
    return lines(out / "predictions.jsonl"), doc["metrics"], doc["fairness"]


@pytest.fixture(scope="module")
def clean_eval(tmp_path_factory, tiny_paligemma):
    """An uninterrupted run (in this process) to compare the drills with."""
    from eval.__main__ import main as eval_main

    out = tmp_path_factory.mktemp("eval") / "clean"
    assert eval_main(eval_argv(tiny_paligemma, out)) == 0
    return out


def count_lines(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


@pytest.mark.slow
def test_kill_9_eval_five_times_then_resume(tmp_path, tiny_paligemma, clean_eval,
                                            subprocess_env):
    out = tmp_path / "killed"
    preds = out / "predictions.jsonl"
    cmd = [sys.executable, "-m", "eval", *eval_argv(tiny_paligemma, out)]
    rng = random.Random(20240607)
    # kill points: during start-up (set drawing, model load), after k more predictions
    # (three times), and once every prediction is in (while the report is written)
    points = ["startup", "more", "more", "more", "all"]
    kills = []
    for point in points:
        proc = subprocess.Popen(cmd, cwd=REPO, env=subprocess_env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE)
        try:
            if point == "startup":
                time.sleep(rng.uniform(0.3, 2.5))
            elif point == "more":
                target = min(TOTAL - 1, count_lines(preds) + rng.randint(1, 6))
                wait_for(lambda t=target: count_lines(preds) >= t, proc)
                time.sleep(rng.uniform(0, 0.2))
            else:
                wait_for(lambda: count_lines(preds) >= TOTAL, proc)
        finally:
            kills.append((point, count_lines(preds), kill9(proc)))
            err = proc.stderr.read().decode()
            proc.stderr.close()
        assert "Traceback" not in err, err[-3000:]
    assert sum(alive for *_, alive in kills) >= 4, kills  # the kills landed mid-run
    state = read_predictions(preds)
    assert state.duplicates == 0
    done = subprocess.run(cmd, cwd=REPO, env=subprocess_env, capture_output=True, text=True,
                          timeout=DEADLINE_S)
    assert done.returncode == 0, done.stderr[-3000:]
    got, want = results(out), results(clean_eval)
    assert len(got[0]) == TOTAL
    assert got[0] == want[0]  # identical predictions, whatever the order in the file
    assert got[1] == want[1] and got[2] == want[2]  # identical metrics and fairness


@pytest.mark.parametrize("damage", ["cut_mid_line", "garbage_line", "lost_newline_plus_junk"])
def test_corrupt_last_line_is_repaired_by_the_rerun(damage, tmp_path, tiny_paligemma,
                                                    clean_eval):
    from eval.__main__ import main as eval_main

    out = tmp_path / "damaged"
    shutil.copytree(clean_eval, out)
    preds = out / "predictions.jsonl"
    data = preds.read_bytes()
    last = data.rstrip(b"\n").rfind(b"\n") + 1
    if damage == "cut_mid_line":  # a kill during the write of the last batch
        data = data[:last + (len(data) - last) // 2]
    elif damage == "garbage_line":
        data = data[:last] + b'{"id": "test/x", "task": ag\xff\xfe\n'
    else:
        data = data[:-1] + b"\x00\x00\x00"
    preds.write_bytes(data)
    (out / "metrics.json").unlink()
    assert eval_main(eval_argv(tiny_paligemma, out)) == 0
    state = read_predictions(preds)
    assert state.dropped_lines == 0 and state.duplicates == 0 and not state.needs_newline
    assert results(out) == results(clean_eval)


def test_truncated_run_file_does_not_block_the_rerun(tmp_path, tiny_paligemma, clean_eval):
    from eval.__main__ import main as eval_main

    out = tmp_path / "cut_run_file"
    shutil.copytree(clean_eval, out)
    run_file = out / "run.json"
    run_file.write_bytes(run_file.read_bytes()[:40])
    assert eval_main(eval_argv(tiny_paligemma, out)) in (0, 2)  # recovered, or a usage error


def test_corrupt_middle_line_is_a_clean_error(tmp_path, tiny_paligemma, clean_eval, capsys):
    from eval.__main__ import main as eval_main

    out = tmp_path / "middle"
    shutil.copytree(clean_eval, out)
    preds = out / "predictions.jsonl"
    rows = preds.read_bytes().splitlines(keepends=True)
    rows[3] = b"not json\n"
    preds.write_bytes(b"".join(rows))
    assert eval_main(eval_argv(tiny_paligemma, out)) in (1, 2)
    assert "line 4" in capsys.readouterr().err
