"""Write results: the peft adapter + facevqa.json (with fitted calibration), run provenance."""

from __future__ import annotations

import json
import logging
import platform
from pathlib import Path

from facevqa.adapters import AdapterMeta, Calibration, write_meta
from facevqa.config import to_dict
from facevqa.provenance import git_commit, versions
from finetune.config import TrainConfig

log = logging.getLogger(__name__)

PACKAGES = ("facevqa", "torch", "transformers", "peft", "accelerate", "datasets", "bitsandbytes")


def write_run_info(out: Path, cfg: TrainConfig) -> Path:
    """Resolved config and provenance (git commit, package versions, seed) beside the outputs."""
    out.mkdir(parents=True, exist_ok=True)
    info = {"config": to_dict(cfg), **git_commit(), "python": platform.python_version(),
            "packages": versions(PACKAGES), "seed": cfg.seed}
    path = out / "run.json"
    path.write_text(json.dumps(info, indent=2))
    return path


def save_result(bb, cfg: TrainConfig, eval_set) -> Path:
    """Save the adapter (LoRA/QLoRA) or the whole model (full) with its task metadata."""
    from finetune.calibrate import fit_calibration

    out = Path(cfg.out)
    tasks = tuple(sorted(set(eval_set["task"]))) if len(eval_set) else tuple(cfg.data.tasks)
    calibration = fit_calibration(bb, eval_set, tasks)
    meta = _meta(bb, cfg, tasks, calibration)
    if cfg.method == "full":
        folder = out / "model"
        bb.model.save_pretrained(folder, safe_serialization=True)
        bb.processor.save_pretrained(folder)
    else:
        folder = out / "adapter"
        # LoRA never trains the base's (tied) embedding; peft would otherwise copy it into an
        # adapter whose lm_head carries LoRA (LoraSpec.output_head)
        bb.model.save_pretrained(folder, safe_serialization=True, save_embedding_layers=False)
    write_meta(folder, meta)
    log.info("saved %s", folder)
    return folder


def _meta(bb, cfg: TrainConfig, tasks, calibration: dict[str, Calibration]) -> AdapterMeta:
    from facevqa.tasks import get_task, make_route

    labels, prompts = {}, {}
    for t in tasks:
        if get_task(t).kind == "closed" and t != "attribute":
            r = make_route(t, get_task(t).question, family=bb.prompt_style)
            labels[t], prompts[t] = list(r.labels), r.prompt
    return AdapterMeta(tasks=tasks, base=str(cfg.base), family=bb.family, labels=labels,
                       prompts=prompts, calibration=calibration,
                       extra={"method": cfg.method, "seed": cfg.seed, "steps": cfg.steps})


