"""Resolve and load checkpoints: local folders or hub ids, safetensors only, fail fast offline."""

from __future__ import annotations

import inspect
import json
import logging
import os
import socket
from pathlib import Path
from typing import Any

from facevqa.backbone import Backbone
from facevqa.backbones import family_of, get_family
from facevqa.errors import ConfigError, ModelLoadError

log = logging.getLogger(__name__)

HUB_HOST = ("huggingface.co", 443)
NO_QUANT = get_family("paligemma").kept_full_precision()
"""Modules kept out of 4-bit quantisation (vision side, projector, output head); each family
names its own (Family.kept_full_precision). transformers 5 matches these from the start of the
module path or as a regex, so the `.*` forms are needed."""


def resolve_checkpoint(name_or_path: str | os.PathLike, revision: str | None = None) -> Path:
    """A local folder holding the checkpoint: the path itself, or the hub snapshot of an id."""
    path = Path(name_or_path).expanduser()
    if path.is_dir():
        if not (path / "config.json").exists():
            raise ModelLoadError(f"{path} has no config.json: not a transformers checkpoint folder")
        return path
    name = str(name_or_path)
    if path.suffix or name.count("/") != 1:
        raise ModelLoadError(f"{name!r} is neither a local checkpoint folder nor a hub id "
                             "like 'google/paligemma-3b-pt-224'")
    return _snapshot(name, revision)


def _snapshot(repo_id: str, revision: str | None) -> Path:
    from huggingface_hub import snapshot_download
    from huggingface_hub.errors import LocalEntryNotFoundError

    patterns = ["*.json", "*.safetensors", "*.model", "*.jinja", "*.txt"]
    try:
        return Path(snapshot_download(repo_id, revision=revision, allow_patterns=patterns,
                                      local_files_only=True))
    except (LocalEntryNotFoundError, FileNotFoundError):
        pass
    if os.environ.get("HF_HUB_OFFLINE", "0") not in ("0", "", "false") or not _hub_reachable():
        raise ModelLoadError(
            f"{repo_id!r} is not in the local Hugging Face cache and the hub cannot be reached "
            "from here. On a machine with access run `huggingface-cli download "
            f"{repo_id}` (accept the model's licence on its hub page first), copy the folder "
            "here, and pass its path instead: FaceVQA.from_pretrained('/path/to/folder').")
    return Path(snapshot_download(repo_id, revision=revision, allow_patterns=patterns))


def _hub_reachable(timeout: float = 3.0) -> bool:
    try:
        with socket.create_connection(HUB_HOST, timeout=timeout):
            return True
    except OSError:
        return False


def pick_device(device: str) -> str:
    """'auto' picks CUDA when present, else CPU."""
    import torch

    if device == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    return device


def load_backbone(name_or_path: str | os.PathLike, *, load_in_4bit: bool = False,
                  device: str = "auto", dtype: Any = None, revision: str | None = None,
                  trust_remote_code: bool = False) -> Backbone:
    """Load a checkpoint of a supported family (facevqa.backbones.MODEL_TYPES) with its
    processor, through AutoModelForImageTextToText + AutoProcessor."""
    from transformers import AutoModelForImageTextToText

    folder = resolve_checkpoint(name_or_path, revision)
    config = json.loads((folder / "config.json").read_text())
    family = family_of(config.get("model_type", "?"))
    device = pick_device(device)
    dtype = _dtype(dtype, device)
    kwargs: dict[str, Any] = dict(dtype=dtype, use_safetensors=True,
                                  trust_remote_code=trust_remote_code)
    if load_in_4bit:
        kwargs["quantization_config"] = quantization_config(dtype, family)
        kwargs["device_map"] = {"": device}
    try:
        model = AutoModelForImageTextToText.from_pretrained(folder, **kwargs)
        processor = load_processor(folder, config.get("model_type", "?"), trust_remote_code)
    except (OSError, ValueError) as e:
        raise ModelLoadError(f"cannot load checkpoint {folder}: {e}") from e
    if load_in_4bit:
        _keep_unpackable_4bit_layers_plain(model)
    else:
        model = model.to(device)
    processor.tokenizer.padding_side = "left"
    if processor.tokenizer.pad_token is None:  # batches need one (LLaMA tokenizers ship none)
        processor.tokenizer.pad_token = processor.tokenizer.eos_token
    return Backbone(model=model.eval(), processor=processor, family=family,
                    name=str(name_or_path), folder=folder)


def load_processor(folder: Path, model_type: str, trust_remote_code: bool = False):
    """AutoProcessor of the checkpoint; where it fails only for want of a video processor
    (transformers' video processors need torchvision, and face crops never use them), the
    family's processor class without its video part."""
    from transformers import AutoProcessor

    try:
        return AutoProcessor.from_pretrained(folder, trust_remote_code=trust_remote_code)
    except (OSError, ValueError, AttributeError, ImportError, TypeError) as e:
        cls = processor_class(model_type)
        if cls is None or "video_processor" not in cls.get_attributes():
            raise
        log.info("%s: loading the processor without its video part (%s)", folder, e)
        return image_only(cls).from_pretrained(folder)


def processor_class(model_type: str):
    """The transformers processor class registered for `model_type`, if any."""
    import transformers
    from transformers.models.auto.processing_auto import PROCESSOR_MAPPING_NAMES

    name = PROCESSOR_MAPPING_NAMES.get(model_type)
    return getattr(transformers, name, None) if isinstance(name, str) else None


def image_only(cls):
    """`cls` without its video processor attribute: it builds (pass video_processor=None),
    saves and loads with the image processor and tokenizer alone, under the original name."""
    class ImageOnly(cls):
        video_processor = None

        @classmethod
        def get_attributes(klass):
            return [a for a in cls.get_attributes() if a != "video_processor"]

        @classmethod
        def from_args_and_dict(klass, args, processor_dict, **kwargs):  # transformers < 5.25
            return super().from_args_and_dict(args, processor_dict, **_no_video(kwargs))

        @classmethod
        def from_dict(klass, processor_dict, **kwargs):  # transformers >= 5.25
            return super().from_dict(processor_dict, **_no_video(kwargs))

    def _no_video(kwargs: dict) -> dict:
        if "video_processor" in inspect.signature(cls.__init__).parameters:
            kwargs.setdefault("video_processor", None)
        return kwargs

    ImageOnly.__name__ = ImageOnly.__qualname__ = cls.__name__
    return ImageOnly


def _keep_unpackable_4bit_layers_plain(model) -> None:
    """bitsandbytes (0.50) repacks a 4-bit weight for CPUs with AVX512-BF16 on its first
    inference call, and the repacking fails (a reshape error) unless the input width is a
    multiple of the quantisation block and the output width one of 32: small layers of tiny
    checkpoints. Those layers keep the plain 4-bit kernel; real checkpoints' layers all pack."""
    for module in model.modules():
        state = getattr(getattr(module, "weight", None), "quant_state", None)
        if state is not None and hasattr(module, "support_avx512bf16_for_cpu"):
            rows, cols = state.shape[0], state.shape[-1]
            if cols % state.blocksize or rows % 32:
                module.support_avx512bf16_for_cpu = False


def quantization_config(compute_dtype: Any, family: str = "paligemma"):
    """bitsandbytes nf4 with the family's vision tower and projector left in full precision."""
    from transformers import BitsAndBytesConfig

    return BitsAndBytesConfig(load_in_4bit=True, bnb_4bit_quant_type="nf4",
                              bnb_4bit_compute_dtype=compute_dtype,
                              bnb_4bit_use_double_quant=True,
                              llm_int8_skip_modules=get_family(family).kept_full_precision())


def _dtype(dtype: Any, device: str):
    import torch

    if dtype is None:
        return torch.bfloat16 if device.startswith("cuda") else torch.float32
    if isinstance(dtype, str):
        try:
            return getattr(torch, dtype)
        except AttributeError:
            raise ConfigError(f"unknown dtype {dtype!r}; use float32, bfloat16 or "
                              "float16") from None
    return dtype
