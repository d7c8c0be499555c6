"""Build the embedded default model that a fresh install answers with, from nothing, offline.

Run: facevqa -v build default --data DIR --config finetune/configs/default-real.yaml
     [--out facevqa/assets/default] [--scale 0.5] [--set KEY=VALUE]
(without --data: the synthetic face world, the test bed)
With --data: real photos (finetune/real_faces.py) cropped as generate() crops them, attacks
rendered on them, missing emotion / gender labels filled in by the classical heads where they
are confident (distillation; the built model never calls them). Stages (each resumes if
killed; finished stages are skipped):
  0. a tiny PaliGemma-architecture base (real classes, BPE tokenizer over the project's texts)
     whose vision tower is first taught the rows' labels with direct supervision,
  1. full fine-tune of the whole base on QA and captions of every task,
  2. one LoRA adapter per task (age, emotion, gender, attribute, spoof with explanations,
     caption),
then a bundle: base/ + adapters/<task>/ + facevqa_model.json (+ MODEL_CARD.md and NOTICE with
the real sources and their research-only terms). Seeded; CPU.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import shutil
from dataclasses import dataclass
from pathlib import Path

from facevqa.adapters import read_meta, write_meta
from facevqa.errors import ConfigError
from facevqa.tasks import TASKS
from facevqa.tiny import TinySpec
from finetune.config import DataSpec, LoraSpec, TrainConfig
from finetune.examples import synthetic_rows

log = logging.getLogger(__name__)

BASE_SPEC = TinySpec(image_size=64, patch_size=8, vision_hidden=128, vision_layers=4,
                     text_hidden=128, text_layers=2, heads=4, intermediate=256, vocab_size=1000)
ADAPTER_TASKS = tuple(t for t in TASKS if t != "open")
"""One adapter per task with training answers (open questions have none)."""
ADAPTER_STEPS = {"age": 1000, "emotion": 600, "gender": 600, "attribute": 2500, "spoof": 1200,
                 "caption": 150}
"""Default steps of each task's adapter (batches of 32)."""
ADAPTER_RANKS = {"attribute": 64}
"""LoRA rank of each task's adapter where it is not 16: one attribute adapter answers 26
different questions about one image token and needs the room."""


@dataclass(frozen=True)
class DefaultRecipe:
    """Sizes of the default build; --scale multiplies data and steps."""

    n_train: int = 3000
    n_eval: int = 240
    image_size: int = 224
    vision_epochs: int = 8
    base_steps: int = 300
    adapter_steps: dict[str, int] = dataclasses.field(default_factory=dict)
    """Steps of each task's adapter; tasks not named take ADAPTER_STEPS
    (e.g. --set adapter_steps.age=1000)."""
    base_lr: float = 3e-4
    adapter_lr: float = 2e-3
    """Learning rate of a rank-16 adapter; rank r trains at adapter_lr * 16 / r (Adam moves
    every LoRA weight by about lr, so the update of B @ A grows with r)."""
    patch_size: int = 64
    """Vision patch size: 64 sees the 64x64 crop as one image token, which the tiny LM reads
    far better than 64 tokens of patch 8 (docs/default_model.md)."""
    base_train_vision: bool = False
    """Stage 1 also trains the vision tower (False keeps stage 0's supervised tower)."""
    age_sigma: float = 8.0
    """Years of age-answer jitter (label-distribution training) in stages 1 and 2."""
    spoof_alpha: float = 0.5
    """I-FAS weight of the spoof verdict tokens (explanations get 1 - alpha) in stages 1-2."""
    output_head: bool = True
    """Adapters also adapt the LM's output projection (LoraSpec.output_head)."""
    balance_tasks: tuple[str, ...] = ("attribute",)
    """Adapters of these tasks draw every answer of a question equally often
    (TrainConfig.balance_tasks): a rare "yes" counts as much as its "no"."""
    batch_size: int = 32
    seed: int = 0
    data: str = "synthetic"
    """'synthetic' (the drawn face world) or a folder of real labelled photos
    (finetune/real_faces.py: UTKFace, FER2013, CelebA copies and their hold-out filter lists)."""
    spoof_rate: float = 0.25
    """Share of real photos that also train as a print, replay or mask attack on that photo."""
    teach_tasks: tuple[str, ...] = ("emotion", "gender")
    """Tasks the classical heads label where a real photo has no label (distillation)."""
    soft_tasks: tuple[str, ...] = ()
    """Tasks whose full teacher distribution (the classical head's probability vector) stage 0
    also learns on every real photo, labelled or not, as a KL target (computed once, cached
    in chunks under the work folder: a killed build resumes)."""
    soft_weight: float = 1.0
    """Weight of that KL term beside the hard labels' cross-entropy."""
    grey_rate: float = 0.0
    """Share of each stage-0 batch shown in grey (grey and colour photos share features)."""
    emotion_samples: int = 0
    """The emotion adapter learns a photo without its own emotion label (UTKFace, CelebA) from
    this many answers drawn from the teacher's distribution (soft distillation through the
    adapter's own loss), instead of the teacher's confident answer alone (0)."""
    emotion_tint_rate: float = 0.0
    """Share of grey photos (FER2013) the emotion adapter also sees tinted in a skin colour,
    so that colour is no cue for which expressions a face can show."""
    emotion_grey_rate: float = 0.0
    """Share of colour photos the emotion adapter also sees in grey."""

    def emotion_own_data(self) -> bool:
        """Whether the emotion adapter trains on its own QA set (real data only)."""
        return self.data != "synthetic" and bool(
            self.emotion_samples or self.emotion_tint_rate or self.emotion_grey_rate)

    def scaled(self, s: float) -> DefaultRecipe:
        def f(v: int) -> int:
            return max(1, round(v * s))
        return dataclasses.replace(self, n_train=f(self.n_train), n_eval=f(self.n_eval),
                                   base_steps=f(self.base_steps),
                                   adapter_steps={t: f(self.steps_for(t))
                                                  for t in ADAPTER_TASKS})

    def steps_for(self, task: str) -> int:
        return self.adapter_steps.get(task, ADAPTER_STEPS[task])

    def rank_for(self, task: str) -> int:
        return ADAPTER_RANKS.get(task, 16)


def build_default(out: Path, recipe: DefaultRecipe = DefaultRecipe(), progress: bool = True,
                  ) -> Path:
    """Run every stage into `out` (work files in `out`.work); returns the bundle folder."""
    work = out.with_name(out.name + ".work")
    data = DataSpec(n_train=recipe.n_train, n_eval=recipe.n_eval, seed=recipe.seed,
                    tasks=ADAPTER_TASKS, image_size=recipe.image_size)
    task_data = {}
    if recipe.data == "synthetic":
        rows = list(synthetic_rows(data))
    else:
        raw = _real_rows(recipe, progress)
        own = {r["id"] for r in raw if r["emotion"] is not None}
        rows = _distil(work / "teacher.json", raw, recipe, progress)
        del raw
        qa = _real_examples(work / "real-qa", rows, recipe)
        data = dataclasses.replace(data, source=str(qa))
        held = [r for r in rows if r["split"] == "validation"]
        rows = [r for r in rows if r["split"] == "train"]
        soft = tuple(dict.fromkeys(recipe.soft_tasks + (
            ("emotion",) if recipe.emotion_samples else ())))
        if soft:
            rows = _soft_labels(work / "teacher-soft", rows, soft, progress)
        if recipe.emotion_own_data():
            eqa = _emotion_examples(work / "real-qa-emotion", rows + held, own, recipe)
            task_data["emotion"] = dataclasses.replace(data, source=str(eqa))
        del held
    base = _stage_vision(work / "base-vision", rows, recipe, progress)
    full = TrainConfig(base=str(base), name="base", method="full", data=data,
                       train_vision=recipe.base_train_vision, age_sigma=recipe.age_sigma,
                       spoof_alpha=recipe.spoof_alpha,
                       steps=recipe.base_steps, batch_size=recipe.batch_size, lr=recipe.base_lr,
                       warmup_steps=20, eval_every=recipe.base_steps, save_every=50,
                       seed=recipe.seed, out=str(work / "base-full"))
    base_model = _run(full, progress)
    adapters = {}
    for task in ADAPTER_TASKS:
        steps, rank = recipe.steps_for(task), recipe.rank_for(task)
        cfg = TrainConfig(base=str(base_model), name=task, method="lora",
                          lora=LoraSpec(r=rank, alpha=2 * rank, dropout=0.05,
                                        targets="language+projector+vision",
                                        output_head=recipe.output_head),
                          data=dataclasses.replace(task_data.get(task, data), tasks=(task,)),
                          steps=steps, batch_size=recipe.batch_size,
                          lr=recipe.adapter_lr * 16 / rank, age_sigma=recipe.age_sigma,
                          spoof_alpha=recipe.spoof_alpha, balance_tasks=recipe.balance_tasks,
                          warmup_steps=10, eval_every=steps, save_every=25,
                          seed=recipe.seed, out=str(work / f"adapter-{task}"))
        adapters[task] = _run(cfg, progress)
    return _bundle(out, base_model, adapters, recipe, base / "vision_pretrain.json")


def _real_rows(recipe: DefaultRecipe, progress: bool) -> list[dict]:
    """Every real row (train, validation and test splits), face crops loaded."""
    from finetune.real_faces import real_rows

    rows = list(real_rows(recipe.data, recipe.spoof_rate, progress=progress))
    if not rows:
        raise ConfigError(f"--data {recipe.data}: no real photos found (finetune/real_faces.py)")
    return rows


def _distil(cache: Path, rows: list[dict], recipe: DefaultRecipe, progress: bool) -> list[dict]:
    """Fill the tasks a photo has no label for (recipe.teach_tasks) with the packaged classical
    heads' answer where it is confident (their task threshold, as `facevqa data pseudo-label`):
    distillation of the teachers into the default. Attacks keep their photo's labels."""
    from tqdm.auto import tqdm

    from facevqa.data.pseudo_label import ClassicalTeacher, PseudoLabelConfig

    tasks = recipe.teach_tasks
    todo = [r for r in rows if r["spoof"] == "real" and any(r[t] is None for t in tasks)]
    labels = json.loads(cache.read_text()) if cache.exists() else None
    if labels is None:
        teacher, labels = ClassicalTeacher(faces="crop", batch_size=64), {}
        floor = PseudoLabelConfig(tasks=tasks).thresholds()
        for lo in tqdm(range(0, len(todo), 256), desc="teacher", disable=not progress):
            batch = todo[lo:lo + 256]
            for row, got in zip(batch, teacher.label([r["image"] for r in batch], tasks)):
                labels[row["id"]] = {t: a.label for t, a in got.items()
                                     if row[t] is None and a.status in ("ok", "abstain")
                                     and a.label is not None and (a.confidence or 0) >= floor[t]}
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_text(json.dumps(labels))
    out = []
    for r in rows:
        own = r["id"] if r["spoof"] == "real" else r["id"].rsplit("-", 1)[0]  # its photo's id
        out.append({**r, **labels.get(own, {})})
    log.info("teacher labels: %s", {t: sum(t in v for v in labels.values()) for t in tasks})
    return out


SOFT_CHUNK = 4096


def _soft_labels(folder: Path, rows: list[dict], tasks: tuple[str, ...], progress: bool
                 ) -> list[dict]:
    """Rows with `soft_<task>`: the classical heads' full probability vector for their photo
    (attacks take their photo's), computed on the crop once and cached in chunks of
    SOFT_CHUNK photos under `folder` (a killed build resumes at the next chunk)."""
    from tqdm.auto import tqdm

    from facevqa.data.pseudo_label import ClassicalTeacher

    photos = [r for r in rows if r["spoof"] == "real"]
    folder.mkdir(parents=True, exist_ok=True)
    teacher, probs = None, {}
    for lo in tqdm(range(0, len(photos), SOFT_CHUNK), desc="teacher distributions",
                   disable=not progress):
        chunk = photos[lo:lo + SOFT_CHUNK]
        cache = folder / f"{lo // SOFT_CHUNK:05d}-{'+'.join(tasks)}.json"
        got = json.loads(cache.read_text()) if cache.exists() else None
        if got is None or set(got) != {r["id"] for r in chunk}:
            teacher = teacher or ClassicalTeacher(faces="crop", batch_size=256)
            answers = teacher.label([r["image"] for r in chunk], tasks)
            got = {r["id"]: {t: a[t].probs or None for t in tasks}
                   for r, a in zip(chunk, answers)}
            cache.write_text(json.dumps(got))
        probs.update(got)
    out = []
    for r in rows:
        own = r["id"] if r["spoof"] == "real" else r["id"].rsplit("-", 1)[0]  # its photo's id
        found = probs.get(own, {})
        out.append({**r, **{f"soft_{t}": found.get(t) for t in tasks}})
    log.info("teacher distributions: %d photos", len(probs))
    return out


def _tint(image, rng):
    """A grey photo tinted in a random skin colour (red kept, green and blue scaled down)."""
    import numpy as np
    from PIL import Image

    g = np.asarray(image.convert("L"), dtype=np.float32)[..., None]
    gain = np.array([1.0, rng.uniform(0.72, 0.92), rng.uniform(0.55, 0.85)], dtype=np.float32)
    return Image.fromarray(np.clip(g * gain * rng.uniform(0.85, 1.1), 0, 255).astype(np.uint8))


def _is_grey(image) -> bool:
    import numpy as np

    a = np.asarray(image.convert("RGB"), dtype=np.int16)
    return bool(np.abs(a[..., 0] - a[..., 1]).max() <= 2
                and np.abs(a[..., 1] - a[..., 2]).max() <= 2)


def _emotion_rows(rows: list[dict], own: set[str], recipe: DefaultRecipe):
    """The emotion adapter's photos (recipe.emotion_samples / _tint_rate / _grey_rate): each
    train photo with its own label as is, each without one as emotion_samples copies labelled
    by draws from the teacher's distribution (its confident answer when there is none); tinted
    copies of grey photos and grey copies of colour photos. Validation photos as "eval"."""
    import zlib

    import numpy as np
    from PIL import ImageOps

    for r in rows:
        if r["spoof"] != "real" or r["split"] not in ("train", "validation"):
            continue
        if r["split"] == "validation":
            if r["emotion"] is not None:
                yield {**r, "split": "eval"}
            continue
        rng = np.random.default_rng([recipe.seed, zlib.crc32(str(r["id"]).encode())])
        dist = {k: v for k, v in (r.get("soft_emotion") or {}).items() if v and v > 0}
        if r["id"] in own or not dist or not recipe.emotion_samples:
            copies = [r] if r["emotion"] is not None else []
        else:
            labels, p = list(dist), np.array(list(dist.values()))
            copies = [{**r, "id": f"{r['id']}-e{k}",
                       "emotion": str(rng.choice(labels, p=p / p.sum()))}
                      for k in range(recipe.emotion_samples)]
        for c in copies:
            yield c
            if _is_grey(c["image"]):
                if rng.random() < recipe.emotion_tint_rate:
                    yield {**c, "id": f"{c['id']}-tint", "image": _tint(c["image"], rng)}
            elif rng.random() < recipe.emotion_grey_rate:
                yield {**c, "id": f"{c['id']}-grey",
                       "image": ImageOps.grayscale(c["image"]).convert("RGB")}


def _emotion_examples(folder: Path, rows: list[dict], own: set[str], recipe: DefaultRecipe
                      ) -> Path:
    """The emotion adapter's own QA set (_emotion_rows), written once."""
    from facevqa.data.build import write_examples
    from facevqa.data.qa import QAConfig

    if not (folder / "dataset_info.json").exists():
        write_examples(_emotion_rows(rows, own, recipe), folder, source="real",
                       config=QAConfig(seed=recipe.seed, tasks=("emotion",)))
    return folder


def _real_examples(folder: Path, rows: list[dict], recipe: DefaultRecipe) -> Path:
    """QA examples of the train (and, as "eval", validation) rows; test rows stay out."""
    from facevqa.data.build import write_examples
    from facevqa.data.qa import QAConfig

    if not (folder / "dataset_info.json").exists():
        held = {"train": "train", "validation": "eval"}
        write_examples(({**r, "split": held[r["split"]]} for r in rows if r["split"] in held),
                       folder, source="real", config=QAConfig(seed=recipe.seed))
    return folder


def _stage_vision(folder: Path, rows: list[dict], recipe: DefaultRecipe, progress: bool) -> Path:
    """Tiny base whose vision tower was pretrained on the training rows' labels."""
    from facevqa.loading import load_backbone
    from facevqa.tiny import build_tiny
    from finetune.vision_pretrain import pretrain_vision

    if (folder / "config.json").exists():
        return folder
    spec = dataclasses.replace(BASE_SPEC, patch_size=recipe.patch_size)
    raw = build_tiny("paligemma", folder.with_name("base-random"), spec)
    bb = load_backbone(raw, device="cpu")
    soft = {t: [r.get(f"soft_{t}") for r in rows] for t in recipe.soft_tasks}
    acc = pretrain_vision(bb, rows, recipe.vision_epochs, seed=recipe.seed,
                          flip=recipe.data != "synthetic", progress=progress, soft=soft or None,
                          soft_weight=recipe.soft_weight, grey=recipe.grey_rate)
    tmp = folder.with_name(folder.name + ".tmp")
    bb.model.save_pretrained(tmp, safe_serialization=True)
    bb.processor.save_pretrained(tmp)
    (tmp / "vision_pretrain.json").write_text(json.dumps(acc, indent=2))
    shutil.rmtree(folder, ignore_errors=True)
    tmp.rename(folder)
    return folder


def _run(cfg: TrainConfig, progress: bool) -> Path:
    """Train a stage, resuming it if a previous build was interrupted."""
    from finetune.train import train

    out = Path(cfg.out)
    done = out / ("model" if cfg.method == "full" else "adapter")
    if (done / "facevqa.json").exists():
        return done
    return train(cfg, resume=True, progress=progress)


def _bundle(out: Path, base: Path, adapters: dict[str, Path], recipe: DefaultRecipe,
            vision: Path) -> Path:
    tmp = out.with_name(out.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.copytree(base, tmp / "base", ignore=shutil.ignore_patterns("facevqa.json"))
    for task, folder in adapters.items():
        dest = tmp / "adapters" / task
        shutil.copytree(folder, dest, ignore=shutil.ignore_patterns("README.md"))
        write_meta(dest, dataclasses.replace(read_meta(dest), base="base"))  # bundle-relative
        peft_cfg = dest / "adapter_config.json"  # no build path in the shipped files
        peft_cfg.write_text(json.dumps({**json.loads(peft_cfg.read_text()),
                                        "base_model_name_or_path": "base"}, indent=2))
    if recipe.data != "synthetic":
        _write_card(tmp, recipe, json.loads(vision.read_text()))
    (tmp / "facevqa_model.json").write_text(json.dumps({
        "base": "base", "adapters": {t: f"adapters/{t}" for t in adapters},
        "embedded_default": True,
        "recipe": {**dataclasses.asdict(recipe),
                   "adapter_steps": {t: recipe.steps_for(t) for t in ADAPTER_TASKS},
                   "adapter_ranks": {t: recipe.rank_for(t) for t in ADAPTER_TASKS}}},
        indent=2))
    shutil.rmtree(out, ignore_errors=True)
    tmp.rename(out)
    return out


def _write_card(bundle: Path, recipe: DefaultRecipe, vision: dict[str, float]) -> None:
    """MODEL_CARD.md (the demo's Model tab shows it) and NOTICE: sources and their terms."""
    from finetune.real_faces import RESEARCH_ONLY, sources_markdown

    (bundle / "NOTICE").write_text(f"{RESEARCH_ONLY}\n\nTraining sources:\n\n"
                                   f"{sources_markdown()}\n")
    (bundle / "MODEL_CARD.md").write_text(f"""# FaceVQA embedded default (real photos)

**{RESEARCH_ONLY}**

A tiny PaliGemma-architecture model (SigLIP vision tower from scratch, 64 px face crops, one
image token; 2-layer Gemma language model; BPE tokenizer over the project's texts) with one
LoRA adapter per task (age, emotion, gender, attribute, spoof, caption), built offline on 2 CPU
cores by `facevqa build default --data DIR`. It answers through the same `generate()` as any
base: the face is detected and cropped, the router picks the task, labels are scored.

## Training data
Real photos kept by the hold-out filter (`shared/holdout/filter.py`), cropped as `generate()`
crops them; 10% of each pool (FER2013: its test folder) held out for evaluation. Missing
emotion and gender labels are filled in by the packaged classical heads where they are
confident (distillation); {recipe.spoof_rate:.0%} of the photos also train as a print, replay
or mask attack rendered on the photo, with an explanation naming the cues drawn.

{sources_markdown()}

Stage-0 tower accuracy on its own training batches (last epoch): emotion
{vision.get("emotion", 0):.2f}, gender {vision.get("gender", 0):.2f}, age group
{vision.get("age_group", 0):.2f}, attack type {vision.get("spoof", 0):.2f}.

## Limits
- 64 px crops: small details (earrings, eye colour) are beyond it; perceived gender and
  age are estimates of appearance, not identity facts.
- Spoof training uses rendered attacks only; real attacks of other kinds may be missed.
- It refuses identity and sensitive-trait questions (race, religion, health, ...).
- Numbers on held-out real photos: docs/real_photos.md in the FaceVQA repository.
""")


def add_parser(sub) -> argparse.ArgumentParser:
    """`facevqa build default` (registered by finetune in pyproject's facevqa.commands)."""
    p = sub.add_parser("default", help="the embedded default model, from nothing, offline",
                       description=__doc__.splitlines()[0])
    p.add_argument("--out", default=str(Path(__file__).parents[1] / "facevqa" / "assets"
                                        / "default"))
    p.add_argument("--config", default=None,
                   help="YAML recipe (e.g. finetune/configs/default-real.yaml)")
    p.add_argument("--scale", type=float, default=1.0, help="multiply data and steps")
    p.add_argument("--data", default=None,
                   help="folder of real labelled photos (finetune/real_faces.py); default: "
                        "the synthetic face world")
    p.add_argument("--set", dest="overrides", action="append", default=[], metavar="KEY=VALUE",
                   help="override a recipe value, e.g. --set adapter_steps.age=1000")
    p.set_defaults(run=run)
    return p


def run(args: argparse.Namespace) -> int:
    from facevqa.config import load_config

    recipe = load_config(DefaultRecipe, args.config, args.overrides).scaled(args.scale)
    if args.data:
        recipe = dataclasses.replace(recipe, data=str(Path(args.data).expanduser().resolve()))
    print(build_default(Path(args.out), recipe))
    return 0
