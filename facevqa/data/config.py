"""`facevqa data build` / `synth` / `pseudo-label` options, stated once: each field carries its
--help text and how its flag reads (`facevqa.config.option`); YAML (--config), `--set` and the
flags fill it, as for `facevqa train` and `facevqa eval`."""

from __future__ import annotations

from dataclasses import dataclass

from facevqa.config import option
from facevqa.errors import ConfigError

IMAGE_FORMATS = ("jpeg", "png")


@dataclass(frozen=True, kw_only=True)
class QAOptions:
    """Where examples go and how rows become them (every data command)."""

    out: str = option(help="output folder (datasets.load_from_disk opens it)")
    tasks: tuple[str, ...] = option((), "comma-separated tasks (default: all the rows support)")
    phrasings: int = option(1, "question phrasings per row and task")
    canonical: bool = option(False, "use canonical questions (eval sets)")
    max_attributes: int = option(6, "attribute questions per row (0: all)")
    image_format: str = option("jpeg", "encoding of generated images", choices=IMAGE_FORMATS)
    seed: int = option(0)

    def __post_init__(self) -> None:
        if self.image_format not in IMAGE_FORMATS:
            raise ConfigError(f"image_format={self.image_format!r}; valid: "
                              + ", ".join(IMAGE_FORMATS))

    def qa(self):
        """The facevqa.data.qa.QAConfig these options describe."""
        from facevqa.data.qa import TASK_ORDER, QAConfig

        return QAConfig(tasks=self.tasks or TASK_ORDER, phrasings=self.phrasings,
                        canonical=self.canonical, max_attributes=self.max_attributes or None,
                        seed=self.seed)


@dataclass(frozen=True, kw_only=True)
class SynthConfig(QAOptions):
    """`facevqa data synth`: a synthetic QA data set."""

    n: int = option(help="number of synthetic rows")
    spoof_rate: float = option(0.25, "share of rows drawn as a presentation attack")
    nonface_rate: float = option(0.05, "share of rows without a face")
    face_crops: bool = option(False, "each face as the crop the pipeline takes around it (as "
                                     "training uses)")


@dataclass(frozen=True, kw_only=True)
class BuildConfig(QAOptions):
    """`facevqa data build SOURCE`: a QA data set from a real source as distributed."""

    source: str = option(help="source name (see `facevqa data sources`)", shared=True)
    root: str = option(help="folder (or file) of the source as distributed")
    limit: int | None = option(None, "read at most this many rows")
    image_root: str | None = option(None, "images folder (facecaption, uniface, celeba)")
    split: str | None = option(None, "split filter (fairface, celeba)")

    def options(self) -> dict[str, str]:
        """The source reader's options that are set."""
        return {k: v for k, v in (("image_root", self.image_root), ("split", self.split)) if v}
