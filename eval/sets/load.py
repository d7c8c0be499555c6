"""Load the evaluation's splits for a `--data` value: synthetic draws or a real source."""

from __future__ import annotations

from pathlib import Path

from eval.sets import SAVED_ALIASES, EvalSets, SetSpec, parse_data
from facevqa.errors import ConfigError


def load_sets(spec: SetSpec, cache: Path | None = None) -> EvalSets:
    """The evaluation's splits for `spec.data`; synthetic draws are cached under `cache`."""
    source, path = parse_data(spec.data)
    if source == "synthetic":
        from eval.sets.synthetic import load_synthetic

        return load_synthetic(spec, cache)
    if source not in SAVED_ALIASES:
        from facevqa.data.sources import get_source

        try:
            get_source(source)
        except ConfigError as e:
            raise ConfigError(f"--data {spec.data!r}: {e} (or synthetic, disk:PATH)") from e
    if not Path(path).exists():
        raise ConfigError(f"--data {spec.data!r}: {path} does not exist")
    from eval.sets.real import load_real

    return load_real(spec, source, path)
