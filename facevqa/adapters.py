"""Task adapters: a standard peft adapter folder plus `facevqa.json` (tasks, calibration)."""

from __future__ import annotations

import json
import logging
import warnings
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

from facevqa.errors import ConfigError, ModelLoadError

log = logging.getLogger(__name__)

META_FILE = "facevqa.json"


@dataclass(frozen=True)
class Calibration:
    """Per-task temperature (divides the label scores) and abstain threshold on confidence."""

    temperature: float = 1.0
    threshold: float = 0.0

    def __post_init__(self) -> None:
        if self.temperature <= 0:
            raise ConfigError(f"temperature must be > 0, got {self.temperature}")
        if not 0.0 <= self.threshold <= 1.0:
            raise ConfigError(f"threshold must be within 0-1, got {self.threshold}")


@dataclass(frozen=True)
class AdapterMeta:
    """What `facevqa.json` beside a peft adapter says about it."""

    tasks: tuple[str, ...]
    base: str = ""
    family: str = ""
    labels: dict[str, list[str]] = field(default_factory=dict)
    prompts: dict[str, str] = field(default_factory=dict)
    calibration: dict[str, Calibration] = field(default_factory=dict)
    extra: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        d = asdict(self)
        d["tasks"] = list(self.tasks)
        return d

    @classmethod
    def from_json(cls, d: dict) -> AdapterMeta:
        known = set(cls.__dataclass_fields__)
        unknown = set(d) - known
        if unknown:
            raise ConfigError(f"unknown keys in {META_FILE}: {sorted(unknown)}; "
                              f"valid: {sorted(known)}")
        cal = {t: Calibration(**c) for t, c in d.get("calibration", {}).items()}
        return cls(**{**d, "tasks": tuple(d["tasks"]), "calibration": cal})


def read_meta(folder: str | Path) -> AdapterMeta:
    """Read `facevqa.json` of an adapter folder."""
    path = Path(folder) / META_FILE
    if not path.exists():
        raise ModelLoadError(f"{folder} has no {META_FILE}; a FaceVQA adapter is a peft adapter "
                             f"folder plus {META_FILE} naming its task(s)")
    return AdapterMeta.from_json(json.loads(path.read_text()))


def write_meta(folder: str | Path, meta: AdapterMeta) -> Path:
    """Write `facevqa.json` into an adapter folder."""
    path = Path(folder) / META_FILE
    path.write_text(json.dumps(meta.to_json(), indent=2, sort_keys=True))
    return path


def attach_adapters(model, adapters: dict[str, str | Path]):
    """Load every adapter onto `model` (a transformers model); returns (peft model, metas).

    `adapters` maps an adapter name (usually its task) to a folder. The result's metas map
    each adapter name to its AdapterMeta.
    """
    from peft import PeftModel

    metas: dict[str, AdapterMeta] = {}
    peft_model = model
    for name, folder in adapters.items():
        folder = Path(folder)
        if not (folder / "adapter_config.json").exists():
            raise ModelLoadError(f"adapter {name!r}: {folder} has no adapter_config.json")
        metas[name] = read_meta(folder)
        with tied_head_ok():
            if peft_model is model:
                peft_model = PeftModel.from_pretrained(model, folder, adapter_name=name,
                                                       is_trainable=False)
            else:
                peft_model.load_adapter(folder, adapter_name=name, is_trainable=False)
        log.info("loaded adapter %s for tasks %s", name, ", ".join(metas[name].tasks))
    return peft_model.eval(), metas


@contextmanager
def tied_head_ok():
    """Silence peft's warning about LoRA on a tied output head (LoraSpec.output_head): it is
    about merging adapters into the base, which FaceVQA never does."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Model has `tie_word_embeddings=True`")
        yield


def task_table(metas: dict[str, AdapterMeta]) -> dict[str, str]:
    """Map each task to the adapter that serves it; a task claimed twice is an error."""
    table: dict[str, str] = {}
    for name, meta in metas.items():
        for task in meta.tasks:
            if task in table:
                raise ConfigError(f"task {task!r} is served by adapters {table[task]!r} and "
                                  f"{name!r}; pass one adapter per task")
            table[task] = name
    return table
