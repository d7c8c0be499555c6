"""The evaluation runner: model (and baselines) over a held-out set in fixed batches, every
prediction saved before any metric, then thresholds and temperatures fixed on dev, metrics,
fairness and the report on test.

Batches are planned from the set alone, so a rerun after a kill skips finished batches and
redoes a half-written one whole: predictions (and so metrics) equal an uninterrupted run's.
Under `accelerate launch -m eval ...` each process answers every k-th batch into
DIR/predictions.rank{k}.jsonl and the main process merges them into DIR/predictions.jsonl.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np

from eval.answering import (  # noqa: F401 (plan_batches, Batch: eval.run's API)
    TASK_RANK,
    Batch,
    ModelAnswerer,
    faces_mode,
    load_eval_sets,
    load_system,
    plan_batches,
    predict,
)
from eval.config import EvalConfig
from eval.predictions import (
    PredictionRecord,
    PredictionWriter,
    load_records,
    read_predictions,
)
from eval.sets import EvalSets
from facevqa.errors import ConfigError
from facevqa.provenance import git_commit, versions

log = logging.getLogger(__name__)

PREDICTIONS = "predictions.jsonl"
RUN_FILE = "run.json"
PACKAGES = ("facevqa", "torch", "transformers", "peft", "accelerate", "datasets", "numpy",
            "scikit-learn", "onnxruntime")


def _all_batches(sets: EvalSets, size: int) -> list[Batch]:
    return [b for s in (sets.test, sets.dev) if s is not None for b in plan_batches(s, size)]


def check_run_file(out: Path, cfg: EvalConfig) -> None:
    """Write DIR/run.json (atomically), or refuse to mix predictions of another run into DIR.

    A damaged run.json (a kill during its first write) is rewritten while DIR holds no
    predictions yet; with predictions it is a usage error, since their run is unknown.
    """
    path = out / RUN_FILE
    ident = json.loads(json.dumps(cfg.identity()))
    try:
        old = json.loads(path.read_text())["identity"] if path.exists() else None
    except (ValueError, KeyError, TypeError) as e:
        if read_predictions(out / PREDICTIONS).records:
            raise ConfigError(f"{path} is damaged ({e}) and {out} holds predictions of an "
                              "unknown run; use another --out or delete that folder") from e
        log.warning("%s is damaged (%s); no predictions yet, so it is rewritten", path, e)
        old = None
    if old is not None and old != ident:
        diff = sorted(k for k in set(old) | set(ident) if old.get(k) != ident.get(k))
        raise ConfigError(f"{out} holds predictions of a different run (differs in "
                          f"{', '.join(diff)}); use another --out or delete that folder")
    if old is None:
        out.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{RUN_FILE}.tmp")
        resolved = {**asdict(cfg), "out": str(cfg.out)}
        tmp.write_text(json.dumps({"identity": ident, "config": resolved}, indent=2) + "\n")
        tmp.replace(path)


def run_eval(cfg: EvalConfig) -> dict[str, Path] | None:
    """Evaluate, write DIR/predictions.jsonl and the report; the report's paths on the main
    process, None on the others."""
    from accelerate import PartialState

    state = PartialState()
    out = Path(cfg.out)
    with state.main_process_first():
        if state.is_main_process:
            check_run_file(out, cfg)
        sets = load_eval_sets(cfg, out)
    if cfg.ray is not None:
        from eval.run_ray import predict_on_ray

        if state.num_processes > 1:
            raise ConfigError("--ray runs its own workers; start it with plain `facevqa eval`, "
                              "not under accelerate launch")

        system = predict_on_ray(cfg, sets, _all_batches(sets, cfg.batch_size), out / PREDICTIONS)
    else:
        system = _predict_here(cfg, sets, state, out)
    if not state.is_main_process:
        return None
    merge_rank_files(out)
    skipped = run_baselines(cfg, sets, system, out) if cfg.baselines else {}
    meta = run_meta(cfg, sets, system, skipped)
    return finish(out, load_records(out / PREDICTIONS), meta, cfg)


def _predict_here(cfg: EvalConfig, sets: EvalSets, state: Any, out: Path) -> Any:
    """Answer this process's batches (every k-th under accelerate); the loaded model."""
    device = str(state.device) if state.num_processes > 1 and cfg.device == "auto" else cfg.device
    system = load_system(cfg, device)
    main = ModelAnswerer(system, cfg, faces_mode(cfg, sets))
    mine = _all_batches(sets, cfg.batch_size)[state.process_index::state.num_processes]
    path = out / (PREDICTIONS if state.num_processes == 1
                  else f"predictions.rank{state.process_index}.jsonl")
    with PredictionWriter(path) as writer:
        predict(main, sets, mine, writer, read_predictions(out / PREDICTIONS).done,
                cfg.progress and state.is_local_main_process)
    state.wait_for_everyone()
    return system


def merge_rank_files(out: Path) -> None:
    """Fold DIR/predictions.rank*.jsonl into DIR/predictions.jsonl, then remove them."""
    ranks = sorted(out.glob("predictions.rank*.jsonl"))
    if not ranks:
        return
    with PredictionWriter(out / PREDICTIONS) as writer:
        for rank in ranks:
            writer.write_batch(load_records(rank))
    for rank in ranks:
        rank.unlink()


def run_baselines(cfg: EvalConfig, sets: EvalSets, system: Any, out: Path) -> dict[str, str]:
    """Fit and answer with each baseline on the same batches; returns {skipped name: why}."""
    from eval.baselines import get_baseline
    from eval.baselines.common import BaselineContext, BaselineUnavailable

    ctx = BaselineContext(sets, out / "baselines", system, cfg.seed, cfg.batch_size,
                          cfg.progress)
    ctx.workdir.mkdir(parents=True, exist_ok=True)
    batches = _all_batches(sets, cfg.batch_size)
    skipped = {}
    for name in cfg.baselines:
        if name == ModelAnswerer(system, cfg, sets.faces).name:
            continue
        done = read_predictions(out / PREDICTIONS).done
        ids = {(name, sets.split(b.split).examples[i].id) for b in batches for i in b.positions}
        baseline = get_baseline(name)()
        try:
            if ids <= done:
                continue
            baseline.fit(ctx)
        except BaselineUnavailable as e:
            log.warning("baseline %s skipped: %s", name, e)
            skipped[name] = str(e)
            continue
        with PredictionWriter(out / PREDICTIONS) as writer:
            predict(baseline, sets, batches, writer, done, cfg.progress)
    return skipped


def shown_path(path: Any) -> str:
    """A path inside the installed facevqa tree relative to it (reports stay portable)."""
    import facevqa

    root = Path(facevqa.__file__).resolve().parents[1]
    try:
        return Path(path).resolve().relative_to(root).as_posix()
    except (ValueError, OSError, TypeError):
        return str(path)


def run_meta(cfg: EvalConfig, sets: EvalSets, system: Any, skipped: Mapping[str, str]
             ) -> dict[str, Any]:
    """Provenance for metrics.json, report.md and the model card."""
    info = system.info()
    adapters = {n: shown_path(getattr(system, "adapter_dirs", {}).get(n, n))
                for n in info.get("adapters", {})}
    base = shown_path(info.get("base", cfg.model or "default"))
    meta = {
        "model_name": "facevqa" if cfg.model is None else Path(str(cfg.model)).name,
        "model": cfg.model or "embedded default", "base_model": base,
        "family": info.get("family"), "adapters": adapters,
        "data": cfg.data, "evaluation_data": sets.name, "split": "test",
        "training_data": "synthetic face world (seeds 0..~1e6)" if sets.name == "synthetic"
        else None, "sizes": sets.sizes(), "tasks": sorted({e.task for e in sets.test.examples}),
        "faces": faces_mode(cfg, sets), "routed": cfg.route, "seed": cfg.seed,
        "baselines": [b for b in cfg.baselines if b not in skipped],
        "skipped_baselines": dict(skipped), **git_commit(), "versions": versions(PACKAGES),
    }
    return {k: v for k, v in meta.items() if v is not None and v != {}}


def records_of(records: Iterable[PredictionRecord], split: str) -> list[PredictionRecord]:
    """Records of one split in a fixed order (model, id), whatever order the file has."""
    return sorted((r for r in records if r.split == split), key=lambda r: (r.model, r.id))


def spoof_threshold(dev: Sequence[PredictionRecord], model: str) -> float | None:
    """The model's spoof threshold fixed on dev (EER); None (0.5, flagged) without dev data."""
    from eval.spoof import pick_threshold

    rs = [r for r in dev if r.model == model and r.task == "spoof"]
    try:
        return pick_threshold(rs) if rs else None
    except ValueError as e:
        log.warning("%s: no dev spoof threshold (%s); using the default", model, e)
        return None


def calibration_arrays(records: Sequence[PredictionRecord]) -> tuple[np.ndarray, np.ndarray]:
    """(log-probability rows padded with a large negative, true-label indices) of records
    whose probabilities include their reference label."""
    rs = [r for r in records if r.scored and r.probs and r.label_true in r.probs]
    width = max((len(r.probs) for r in rs), default=0)
    z = np.full((len(rs), width), -1e4)
    for i, r in enumerate(rs):
        z[i, :len(r.probs)] = np.log(np.clip(list(r.probs.values()), 1e-12, None))
    return z, np.array([list(r.probs).index(r.label_true) for r in rs], dtype=np.int64)


def calibrate(dev: Sequence[PredictionRecord], test: Sequence[PredictionRecord]
              ) -> dict[str, float | int] | None:
    """Temperature fit on dev log-probabilities; test ECE before and after applying it."""
    from facevqa.calibration import apply_temperature, expected_calibration_error, fit_temperature

    zd, yd = calibration_arrays(dev)
    zt, yt = calibration_arrays(test)
    if not len(yd) or not len(yt):
        return None
    t = fit_temperature(zd, yd)
    before = expected_calibration_error(np.exp(apply_temperature(zt, 1.0)), yt, n_bins=10)
    after = expected_calibration_error(np.exp(apply_temperature(zt, t)), yt, n_bins=10)
    return {"temperature": t, "ece_before": before, "ece_after": after, "n_dev": len(yd),
            "n_test": len(yt)}


def calibration_section(table: Mapping[tuple[str, str], Mapping[str, Any]]) -> str:
    """Markdown: temperature and test ECE before / after, per model and task."""
    from eval.tables import md_table, order_models

    models = order_models(m for m, _ in table)
    rows = [[m, t, c["temperature"], c["ece_before"], c["ece_after"], c["n_dev"], c["n_test"]]
            for m in models for (mm, t), c in sorted(table.items(), key=lambda kv:
                                                     TASK_RANK.get(kv[0][1], 99)) if mm == m]
    return "\n".join(["## Calibration", "", "Temperature fit on the dev split (NLL), applied "
                      "to test; ECE over 10 confidence bins.", "",
                      md_table(["model", "task", "T", "ECE before ↓", "ECE after ↓", "n dev",
                                "n test"], rows), ""])


def finish(out: Path, records: Sequence[PredictionRecord], meta: dict[str, Any],
           cfg: EvalConfig) -> dict[str, Path]:
    """Dev thresholds and temperatures, test metrics, fairness and the report folder."""
    from eval.fairness import FairnessConfig, fairness_report
    from eval.metrics import MetricOptions, compute_all
    from eval.report import write_report

    test, dev = records_of(records, "test"), records_of(records, "dev")
    models = sorted({r.model for r in test})
    options = {m: MetricOptions(spoof_threshold=spoof_threshold(dev, m)) for m in models}
    metrics = compute_all(test, options)
    table = {}
    for model, task in sorted({(r.model, r.task) for r in test}):
        pick = [r for r in dev if (r.model, r.task) == (model, task)]
        got = calibrate(pick, [r for r in test if (r.model, r.task) == (model, task)])
        if got:
            table[(model, task)] = got
            metrics[model][task].update(temperature=got["temperature"],
                                        ece_calibrated=got["ece_after"])
    spoof = {r.model for r in test if r.task == "spoof"}
    if spoof:
        meta = {**meta, "spoof_thresholds": {m: options[m].spoof_threshold for m in sorted(spoof)}}
    fairness = fairness_report(test, FairnessConfig(n_boot=cfg.n_boot, seed=cfg.seed), options)
    paths = write_report(out, metrics, fairness, meta, plots=cfg.plots)
    if table:
        report = paths["report.md"]
        text = report.read_text().replace("## Model card", calibration_section(table)
                                          + "\n## Model card", 1)
        report.write_text(text)
    return paths
