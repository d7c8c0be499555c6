"""Folders are the architecture: dependencies point down into facevqa/ only."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN = {
    "facevqa": {"finetune", "eval", "demo"},
    "finetune": {"eval", "demo"},
    "eval": {"finetune", "demo"},
    "demo": {"finetune", "eval"},
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_no_upward_or_sideways_imports():
    bad = []
    for package, forbidden in FORBIDDEN.items():
        for path in (ROOT / package).rglob("*.py"):
            hits = _imports(path) & forbidden
            bad += [f"{path.relative_to(ROOT)} imports {h}" for h in sorted(hits)]
    assert not bad, "\n".join(bad)


def test_no_bare_import_of_eval():
    for path in ROOT.rglob("*.py"):
        if ".venv" in path.parts:
            continue
        tree = ast.parse(path.read_text())
        bare = [n for n in ast.walk(tree) if isinstance(n, ast.Import)
                and any(a.name == "eval" for a in n.names)]
        assert not bare, f"{path}: write `from eval.x import y`, never `import eval`"


def test_import_is_light_and_cli_help_is_fast():
    code = ("import time, sys; t = time.time(); import facevqa, facevqa.cli; "
            "heavy = [m for m in ('torch', 'transformers', 'gradio', 'sentence_transformers') "
            "if m in sys.modules]; print(heavy, time.time() - t)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.startswith("[]"), out
    help_run = subprocess.run([sys.executable, "-m", "facevqa.cli", "--help"],
                              capture_output=True, text=True, timeout=60)
    assert help_run.returncode == 0 and "ask" in help_run.stdout


def test_no_trust_remote_code_or_pickle_weights_by_default():
    for path in (ROOT / "facevqa").rglob("*.py"):
        text = path.read_text()
        assert "trust_remote_code=True" not in text, path
        assert "torch.load(" not in text or "weights_only=True" in text, path


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _project_imports(name: str, path: Path, modules: set[str]) -> set[str]:
    """Project modules that `name` imports anywhere in its file (function-level imports too)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name in modules}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
                package = package[:len(package) - node.level + 1]
                base = ".".join(package + ([base] if base else []))
            for alias in node.names:
                full = f"{base}.{alias.name}"
                found |= {full} if full in modules else ({base} if base in modules else set())
    # importing a.b.c runs the package a.b's __init__ first (unless it is already running,
    # as it is for the importer's own packages)
    own = {".".join(name.split(".")[:i]) for i in range(1, name.count(".") + 2)}
    parents = {".".join(m.split(".")[:i]) for m in found for i in range(1, m.count(".") + 1)}
    return (found | (parents & modules)) - own


def test_no_import_cycles():
    """Modules form a DAG: no module imports one that (directly or not) imports it back,
    counting imports inside functions, which only hide a cycle until the call."""
    files = {_module_name(p): p for pkg in FORBIDDEN for p in (ROOT / pkg).rglob("*.py")}
    graph = {m: _project_imports(m, p, set(files)) for m, p in files.items()}
    cycles, done = [], set()

    def visit(module: str, trail: list[str]) -> None:
        if module in trail:
            cycles.append(" -> ".join(trail[trail.index(module):] + [module]))
            return
        if module in done:
            return
        for dep in sorted(graph[module]):
            visit(dep, trail + [module])
        done.add(module)

    for module in sorted(graph):
        visit(module, [])
    assert not cycles, "\n".join(cycles)


def test_runtime_does_not_import_the_converter():
    """facevqa.convert (TF.js -> ONNX, build time) stays out of the runtime; only the explicit
    ClassicalHeads(build=True) opt-in reaches it."""
    allowed = {ROOT / "facevqa/classical/heads.py"}
    bad = [str(p.relative_to(ROOT)) for p in (ROOT / "facevqa").rglob("*.py")
           if "convert" not in p.relative_to(ROOT / "facevqa").parts[:1] and p not in allowed
           and any(n == "facevqa.convert" or n.startswith("facevqa.convert.")
                   for n in _project_imports(_module_name(p), p, _all_modules()))]
    assert not bad, bad


def _all_modules() -> set[str]:
    return {_module_name(p) for pkg in FORBIDDEN for p in (ROOT / pkg).rglob("*.py")}
