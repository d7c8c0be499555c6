"""Training configuration: nested dataclasses are the schema; YAML recipes are instances."""

from __future__ import annotations

from dataclasses import dataclass, field

from facevqa.errors import ConfigError

METHODS = ("lora", "qlora", "full")
TARGETS = ("language", "language+projector", "language+projector+vision")


@dataclass(frozen=True)
class LoraSpec:
    """LoRA adapter shape and where it attaches."""

    r: int = 16
    alpha: int = 32
    dropout: float = 0.05
    targets: str = "language"
    """language (attention + MLP of the LM), language+projector, or language+projector+vision."""
    output_head: bool = False
    """Also adapt the LM's output projection (lm_head): a rank-r change of which answer tokens
    come out, for a task whose answers the base rarely produced (the 91 age numbers)."""

    def __post_init__(self) -> None:
        if self.targets not in TARGETS:
            raise ConfigError(f"lora.targets={self.targets!r}; valid: {', '.join(TARGETS)}")
        if self.r <= 0:
            raise ConfigError("lora.r must be positive")


@dataclass(frozen=True)
class DataSpec:
    """Where training examples come from."""

    source: str = "synthetic"
    """'synthetic' (drawn on the fly, seeded) or a folder written by `facevqa data ...`."""
    n_train: int = 2000
    n_eval: int = 200
    seed: int = 0
    tasks: tuple[str, ...] = ()
    """Tasks to keep (empty: all tasks in the data)."""
    image_size: int = 224
    face_crops: bool = True
    """Synthetic faces as the pipeline's face crops (what the model sees at inference)."""


@dataclass(frozen=True)
class TrainConfig:
    """One training run: base, method, data, optimisation, checkpoints."""

    base: str = "tiny"
    """Hub id or folder of the base; 'tiny' builds a tiny PaliGemma; 'default' the embedded one."""
    name: str = "adapter"
    """Adapter name (usually its task, or 'multi' for a multi-task adapter)."""
    method: str = "lora"
    lora: LoraSpec = field(default_factory=LoraSpec)
    data: DataSpec = field(default_factory=DataSpec)
    train_vision: bool = True
    """With method full: also train the vision tower (False keeps it as loaded, e.g. after
    supervised vision pretraining; the LoRA targets say where adapters go)."""
    steps: int = 100
    batch_size: int = 8
    grad_accum: int = 1
    lr: float = 2e-4
    weight_decay: float = 0.0
    warmup_steps: int = 10
    spoof_alpha: float = 0.7
    """Weight of the verdict tokens of spoof answers (explanation tokens get 1 - alpha)."""
    age_sigma: float = 0.0
    """Label-distribution training for age: each step answers an age example with its age plus
    Gaussian noise of this many years (seeded by the step), so that the neighbouring ages'
    answers are learned too and the 91 age answers become ordered; 0 learns the exact age."""
    balance_tasks: tuple[str, ...] = ()
    """Tasks whose answers are sampled class-balanced per question (finetune.batches.
    balance_weights), e.g. [attribute]: rare yes answers are drawn as often as their no."""
    eval_every: int = 50
    """Evaluate every this many steps (0: only after the last step)."""
    save_every: int = 50
    keep_checkpoints: int = 2
    mixed_precision: str = "no"
    """no, bf16 or fp16 (accelerate); bf16/fp16 only where the device supports it."""
    seed: int = 0
    out: str = "runs/adapter"

    def __post_init__(self) -> None:
        if self.method not in METHODS:
            raise ConfigError(f"method={self.method!r}; valid: {', '.join(METHODS)}")
        if not 0.0 <= self.spoof_alpha <= 1.0:
            raise ConfigError("spoof_alpha must be within 0-1")
        if self.age_sigma < 0:
            raise ConfigError("age_sigma must be >= 0")
        if self.mixed_precision not in ("no", "bf16", "fp16"):
            raise ConfigError("mixed_precision must be no, bf16 or fp16")
        if min(self.steps, self.batch_size, self.grad_accum, self.save_every) <= 0:
            raise ConfigError("steps, batch_size, grad_accum, save_every must be > 0")
        if self.eval_every < 0:
            raise ConfigError("eval_every must be >= 0 (0: evaluate after the last step only)")
