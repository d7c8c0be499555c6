"""Dataclass-backed configuration: YAML gives values, `--set a.b=v` overrides, typos raise.

Shared by finetune and eval so both read recipes the same way. A command's named flags come
from the fields (`option()` metadata, `add_flags`) and apply last (`load_config(..., flags=)`).
"""

from __future__ import annotations

import argparse
import dataclasses
import difflib
import json
import types
import typing
from pathlib import Path
from typing import Any, TypeVar

from facevqa.errors import ConfigError

T = TypeVar("T")


def from_dict(cls: type[T], data: dict[str, Any], where: str = "") -> T:
    """Build dataclass `cls` from a nested dict; unknown keys raise with a 'did you mean'."""
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"{where or cls.__name__}: expected a mapping, got {data!r}")
    fields = {f.name: f for f in dataclasses.fields(cls)}
    for key in data:
        if key not in fields:
            close = difflib.get_close_matches(key, fields, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise ConfigError(f"unknown config key {where + key!r}{hint} "
                              f"(valid: {', '.join(fields)})")
    missing = [f.name for f in fields.values() if f.init and f.name not in data
               and f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING]
    if missing:
        raise ConfigError(f"missing config key {where + missing[0]!r} (set it in the YAML, "
                          f"with --set {where + missing[0]}=VALUE or with its flag)")
    hints = typing.get_type_hints(cls)
    kwargs = {k: _coerce(hints[k], v, f"{where}{k}.") for k, v in data.items()}
    return cls(**kwargs)


def _coerce(tp: Any, value: Any, where: str) -> Any:
    if dataclasses.is_dataclass(tp):
        return from_dict(tp, value, where)
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return None if value is None else _coerce(args[0], value, where)
    if origin in (tuple, list) and isinstance(value, (list, tuple)):
        return origin(value)
    if origin in (tuple, list) and isinstance(value, str):  # --set tasks=age,gender
        return origin(t.strip() for t in value.split(",") if t.strip())
    if origin is dict and not isinstance(value, dict):
        raise ConfigError(f"{where[:-1]}: expected a mapping (set one entry with "
                          f"--set {where}NAME=VALUE), got {value!r}")
    if tp is str and isinstance(value, bool):  # YAML 1.1 reads no/yes/off/on as booleans
        return "yes" if value else "no"
    if tp in (int, float) and not isinstance(value, bool) and isinstance(value, (int, float, str)):
        try:
            return tp(value)
        except ValueError:
            raise ConfigError(f"{where[:-1]}: expected {tp.__name__}, got {value!r}") from None
    return value


def apply_overrides(data: dict, overrides: list[str]) -> dict:
    """Apply `a.b=value` strings (values parsed as YAML) to a nested dict, in place."""
    import yaml

    for item in overrides:
        key, sep, raw = item.partition("=")
        if not sep:
            raise ConfigError(f"--set expects KEY=VALUE, got {item!r}")
        set_key(data, key, yaml.safe_load(raw))
    return data


def set_key(data: dict, key: str, value: Any) -> None:
    """Set dotted `key` (`limits.test`) in a nested dict, making the parents it lacks."""
    node = data
    *parents, last = key.split(".")
    for p in parents:
        node = node.setdefault(p, {})
        if not isinstance(node, dict):
            raise ConfigError(f"{key}: {p} is {node!r}, not a mapping")
    node[last] = value


def load_config(cls: type[T], path: str | Path | None = None, overrides: list[str] = (),
                flags: dict[str, Any] | None = None) -> T:
    """Read a YAML recipe (optional), apply `--set` overrides, then `flags` (dotted key ->
    parsed value, a command's named options), and validate into `cls`.

    Precedence, lowest first: the dataclass defaults, the YAML, --set, the named flags.
    """
    import yaml

    data: dict = {}
    if path:
        try:
            data = yaml.safe_load(Path(path).read_text()) or {}
        except OSError as e:
            raise ConfigError(f"cannot read config {path}: {e}") from e
    if not isinstance(data, dict):
        raise ConfigError(f"config {path}: expected a mapping at the top, got {data!r}")
    apply_overrides(data, list(overrides))
    for key, value in (flags or {}).items():
        set_key(data, key, value)
    return from_dict(cls, data)


def to_dict(config: Any) -> dict:
    """JSON-ready dict of a config dataclass."""
    return json.loads(json.dumps(dataclasses.asdict(config), default=str))


def option(default: Any = dataclasses.MISSING, help: str = "", *,
           default_factory: Any = dataclasses.MISSING, **cli: Any) -> Any:
    """A config field with its --help text and argparse settings beyond those its type gives
    (`flags`: the option strings, default --NAME; `keys`: flag -> key of a mapping field, with
    `helps`: flag -> help; `shared`: a helper other commands use adds the flag)."""
    return dataclasses.field(default=default, default_factory=default_factory,
                             metadata={"help": help, "cli": cli})


def add_flags(p: argparse.ArgumentParser, cls: type) -> None:
    """One flag per field of `cls` (dest: the field's key); an absent flag sets nothing, so
    the YAML and the defaults stand. Flags that `shared` fields name are made so too."""
    names = {f.name for f in dataclasses.fields(cls)}
    for action in p._actions:
        if action.dest in names:
            action.default = argparse.SUPPRESS
    hints = typing.get_type_hints(cls)
    for f in dataclasses.fields(cls):
        _add_field_flags(p, f, hints[f.name])


def _scalar(hint: Any) -> type | None:
    """int or float for a field of that type (optional or not); None for the rest."""
    args = [a for a in typing.get_args(hint) if a is not type(None)] or [hint]
    return args[0] if args[0] in (int, float) else None


def _help(f: dataclasses.Field) -> str:
    text = f.metadata.get("help", "")
    if f.default not in (dataclasses.MISSING, None, ()) and not isinstance(f.default, bool):
        text = f"{text} (default: {f.default})".strip()
    return text


def _add_field_flags(p: argparse.ArgumentParser, f: dataclasses.Field, hint: Any) -> None:
    """--NAME (dest NAME), or one flag per key of a mapping field (dest NAME.KEY)."""
    cli = dict(f.metadata.get("cli", {}))
    if cli.pop("shared", False):
        return
    keys, helps = cli.pop("keys", None), cli.pop("helps", {})
    if keys:
        for flag, key in keys.items():
            p.add_argument(flag, dest=f"{f.name}.{key}", default=argparse.SUPPRESS,
                           help=helps.get(flag), **cli)
        return
    flags = cli.pop("flags", (f"--{f.name.replace('_', '-')}",))
    kwargs: dict[str, Any] = {"dest": f.name, "default": argparse.SUPPRESS, "help": _help(f)}
    if hint is bool:
        kwargs["action"] = "store_false" if f.default else "store_true"
    elif _scalar(hint):
        kwargs["type"] = _scalar(hint)
    p.add_argument(*flags, **kwargs, **cli)


def given_flags(args: argparse.Namespace, cls: type) -> dict[str, Any]:
    """Config key -> value of each flag of `cls` given on the command line."""
    names = {f.name for f in dataclasses.fields(cls)}
    return {k: v for k, v in vars(args).items() if k.split(".")[0] in names}
