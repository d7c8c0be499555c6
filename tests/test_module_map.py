"""docs/ARCHITECTURE.md matches the tree: every module is on the map (by name, or by a subpackage
row naming its folder), and every module it names exists."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("facevqa", "finetune", "eval", "demo")


def _sections() -> dict[str, str]:
    text = (ROOT / "docs" / "ARCHITECTURE.md").read_text()
    parts = re.split(r"^## `(\w+)/`.*$", text, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2]))


def _modules(package: str) -> set[str]:
    return {p.name for p in (ROOT / package).rglob("*.py") if p.name != "__init__.py"}


def _unmapped(package: str, text: str) -> list[str]:
    """Modules of `package` neither named in `text` nor inside a folder it names."""
    named = {Path(m).name for m in re.findall(r"`([\w/]+\.py)`", text)}
    folders = {f.strip("/").split("/")[-1] for f in re.findall(r"`([\w/]+/)`", text)}
    out = []
    for path in sorted((ROOT / package).rglob("*.py")):
        rel = path.relative_to(ROOT / package)
        if path.name != "__init__.py" and path.name not in named \
                and not folders & set(rel.parts[:-1]):
            out.append(f"{package}/{rel}")
    return out


def test_every_module_is_on_the_map_and_every_named_module_exists():
    sections = _sections()
    assert set(sections) == set(PACKAGES)
    missing, unknown = [], []
    for package, text in sections.items():
        named = {Path(m).name for m in re.findall(r"`([\w/]+\.py)`", text)}
        missing += _unmapped(package, text)
        unknown += [f"{package}: {m}" for m in sorted(named - _modules(package))
                    if not any(m in _modules(p) for p in PACKAGES)]
    assert not missing, "modules not on docs/ARCHITECTURE.md:\n" + "\n".join(missing)
    assert not unknown, "named on docs/ARCHITECTURE.md but not in the tree:\n" + "\n".join(unknown)
