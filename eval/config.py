"""`facevqa eval`'s options, stated once: each field of `EvalConfig` carries its --help text and
how its command-line flag reads (`facevqa.config.option`); YAML, `--set` and the flags fill it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from facevqa.config import option
from facevqa.errors import ConfigError

FACES = ("auto", "largest", "none")
SPLITS = ("test", "dev", "train")


@dataclass(frozen=True)
class EvalConfig:
    """One evaluation run (the CLI's options)."""

    data: str = option(help="synthetic, SOURCE:PATH (a facevqa.data source) or disk:PATH "
                            "(a folder written by `facevqa data build`)")
    out: Path = option(help="report folder (predictions, metrics.json, report.md, ...)")
    model: str | None = option(None, "base hub id or folder, a saved bundle, 'classical', or "
                                     "None: the embedded default", shared=True)
    adapters: Mapping[str, str] = option(default_factory=dict, help="task -> adapter folder",
                                         shared=True)
    device: str = option("auto", shared=True)
    load_in_4bit: bool = option(False, shared=True)
    tasks: tuple[str, ...] | None = option(
        None, "comma-separated tasks (default: age,emotion,gender,attribute,spoof,caption)")
    limits: Mapping[str, int | None] = option(
        default_factory=dict, help="images per split (test, dev, train)",
        keys={"--limit": "test", "--dev-limit": "dev", "--train-limit": "train"},
        type=int, metavar="N",
        helps={"--limit": "test images (synthetic default 500; real: all)",
               "--dev-limit": "dev images (synthetic default 300; 0: none)",
               "--train-limit": "train images for the baselines (synthetic default 2000; "
                                "none drawn without --baselines)"})
    baselines: tuple[str, ...] = option(
        (), "also score baselines (default prior,probe,cnn,classical)", nargs="?",
        const="prior,probe,cnn,classical", metavar="NAMES")
    batch_size: int = option(16, "images per model batch")
    max_new_tokens: int = option(48, "generated tokens for explanations and captions")
    max_attributes: int | None = option(4, "attribute questions per image (0: all)")
    faces: str = option("auto", "auto: none for synthetic face crops, detect the largest face "
                                "otherwise", choices=FACES)
    route: bool = option(False, "let the router pick the task from the question "
                                "(default: force it)")
    seed: int = option(0)
    n_boot: int = option(1000, "bootstrap resamples (fairness)")
    workers: int = option(2, "processes drawing synthetic data")
    progress: bool = option(True, "no progress bar", flags=("--no-progress",))
    plots: bool = option(True, "tables only", flags=("--no-plots",))
    ray: str | None = option(None, shared=True)
    """Answer the batches on Ray (eval.run_ray): "local" or a cluster address; None: here."""
    ray_workers: int | None = option(None, shared=True)

    def __post_init__(self) -> None:
        from eval.baselines import BASELINES

        # YAML, --set and the flags give strings and 0 / [] for "all"; the API keeps one form.
        object.__setattr__(self, "out", Path(self.out).expanduser())
        if self.max_attributes == 0:
            object.__setattr__(self, "max_attributes", None)
        if self.tasks is not None and not self.tasks:
            object.__setattr__(self, "tasks", None)
        bad = sorted(set(self.limits) - set(SPLITS))
        if bad:
            raise ConfigError(f"unknown limits {bad}; valid: {', '.join(SPLITS)}")
        if self.faces not in FACES:
            raise ConfigError(f"faces={self.faces!r}; valid: {', '.join(FACES)}")
        bad = sorted(set(self.baselines) - set(BASELINES))
        if bad:
            raise ConfigError(f"unknown baselines {bad}; valid: {', '.join(BASELINES)}")
        if self.batch_size < 1 or self.n_boot < 1:
            raise ConfigError("batch_size and n_boot must be >= 1")

    def set_spec(self) -> Any:
        """What eval.sets loads: no train split without baselines (only they fit on it; the
        default 2,000 synthetic images took minutes to draw for nothing)."""
        from eval.sets import EVAL_TASKS, SetSpec

        limits = {**self.limits, **({} if self.baselines else {"train": 0})}
        return SetSpec(self.data, self.tasks or EVAL_TASKS, limits,
                       self.max_attributes, self.seed, self.workers)

    def identity(self) -> dict[str, Any]:
        """Settings that change predictions: a rerun in the same folder must match them."""
        return {"data": self.data, "model": self.model, "adapters": dict(self.adapters),
                "load_in_4bit": self.load_in_4bit, "tasks": self.tasks,
                "limits": dict(self.limits), "max_new_tokens": self.max_new_tokens,
                "max_attributes": self.max_attributes, "faces": self.faces,
                "route": self.route, "seed": self.seed, "batch_size": self.batch_size}
