"""The `facevqa` command: `ask` end to end in a subprocess (table, JSON lines, per-item errors,
exit codes); every subcommand listed and its --help working; cheap real invocations."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from facevqa.cli import BUILTIN, GROUPS, build_parser, chosen_command, main
from facevqa.examples import example_path

ROOT = Path(__file__).resolve().parents[2]


def _registered() -> dict[str, str]:
    """This checkout's `facevqa.commands` entry points, read from its pyproject.toml (the
    installed metadata may come from another checkout; tomllib needs Python 3.11)."""
    text = (ROOT / "pyproject.toml").read_text()
    section = text.split('[project.entry-points."facevqa.commands"]')[1].split("\n[")[0]
    return dict(re.findall(r'^"?([\w.-]+)"? = "([\w.]+)"', section, flags=re.M))


REGISTERED = _registered()
COMMANDS = {**BUILTIN, **REGISTERED}


def _ask(*args, home) -> subprocess.CompletedProcess:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "FACEVQA_HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "facevqa.cli", "ask", *map(str, args)],
                          capture_output=True, text=True, timeout=300, env=env)


def test_ask_json_lines_with_a_bad_file(tiny_paligemma, tmp_path):
    bad = tmp_path / "broken.jpg"
    bad.write_text("not an image")
    run = _ask(example_path("astronaut"), bad, "-q", "What emotion is shown?", "--model",
               tiny_paligemma, "--json", home=tmp_path)
    assert run.returncode == 0, run.stderr
    rows = [json.loads(line) for line in run.stdout.splitlines()]
    assert rows[0]["status"] in ("ok", "abstain") and rows[1]["status"] == "error"
    assert rows[0]["task"] == "emotion" and abs(sum(rows[0]["probs"].values()) - 1) < 1e-5
    assert rows[0]["face"]["box"] and "not a recognised image" in rows[1]["error"]


def test_ask_table_and_refusal(tiny_paligemma, tmp_path):
    run = _ask(example_path("astronaut"), "-q", "Who is this?", "--model", tiny_paligemma,
               home=tmp_path)
    assert run.returncode == 0
    assert "refused" in run.stdout and "identify" in run.stdout


def test_usage_errors_exit_2(tmp_path):
    run = _ask(example_path("astronaut"), "-q", "how old?", "--model", tmp_path / "nope",
               home=tmp_path)
    assert run.returncode == 2 and "neither a local checkpoint" in run.stderr
    run = _ask(example_path("astronaut"), "-q", "how old?", "--adapters", "oops", home=tmp_path)
    assert run.returncode == 2 and "TASK=PATH" in run.stderr


def test_users_commands_are_registered_as_entry_points_not_builtin():
    assert all(m.split(".")[0] == "facevqa" for m in BUILTIN.values())
    assert {m.split(".")[0] for m in REGISTERED.values()} == {"finetune", "eval", "demo"}


def test_help_lists_every_command_and_action(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--help"], commands=COMMANDS)
    listed = capsys.readouterr().out
    assert done.value.code == 0
    for name in COMMANDS:
        top, _, action = name.partition(".")
        assert f"    {top} " in listed or f"    {top}\n" in listed, top
        if action:
            with pytest.raises(SystemExit):
                main([top, "--help"], commands=COMMANDS)
            assert f"    {action}" in capsys.readouterr().out, name
    assert set(GROUPS) <= {n.split(".")[0] for n in COMMANDS}


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_command_help_works(name, capsys):
    with pytest.raises(SystemExit) as done:
        main([*name.split("."), "--help"], commands=COMMANDS)
    assert done.value.code == 0
    assert capsys.readouterr().out.startswith(f"usage: facevqa {name.replace('.', ' ')}")


def test_only_the_chosen_command_is_imported():
    # (argv, chosen): a group's action, a command with an optional action, options before it
    cases = [(["build", "tiny", "paligemma", "out"], "build.tiny"),
             (["-v", "bench", "--only", "generate"], "bench"),
             (["bench", "detect", "--n", "5"], "bench.detect"),
             (["demo", "loadtest", "--floor"], "demo.loadtest"),
             (["data", "build", "fairface"], "data"),  # data's own actions are not dotted
             (["nope"], None), ([], None)]
    for argv, chosen in cases:
        assert chosen_command(argv, COMMANDS) == chosen, argv
    args = build_parser(COMMANDS, only="bench").parse_args(["bench", "--only", "generate"])
    assert args.bench_action is None and args.only == "generate"
    args = build_parser(COMMANDS, only="bench.detect").parse_args(["bench", "detect", "--n", "5"])
    assert args.bench_action == "detect" and args.n == 5 and args.run.__module__.endswith(
        "detect_bench")


def test_group_without_action_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as done:
        main(["build"], commands=COMMANDS)
    assert done.value.code == 2 and "ACTION" in capsys.readouterr().err


def test_examples_prints_paths(capsys):
    assert main(["examples", "astronaut"], commands=COMMANDS) == 0
    assert Path(capsys.readouterr().out.strip()) == example_path("astronaut")
    assert main(["examples"], commands=COMMANDS) == 0
    assert "astronaut\t" in capsys.readouterr().out
    assert main(["examples", "nope"], commands=COMMANDS) == 2
    assert "valid: astronaut" in capsys.readouterr().err


def test_build_tiny_writes_a_checkpoint(tmp_path, capsys):
    assert main(["build", "tiny", "paligemma", str(tmp_path / "t")], commands=COMMANDS) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "t")
    assert (tmp_path / "t" / "config.json").is_file()


def test_qlora_memory_prints_estimates(capsys):
    from facevqa.errors import ModelLoadError
    from facevqa.families_build import BUILDS
    from facevqa.real_tokenizers import tokenizer_dir

    assert main(["qlora-memory", "nope"], commands=COMMANDS) == 2
    assert "valid: gemma3" in capsys.readouterr().err
    try:
        tokenizer_dir(BUILDS["smolvlm"].tokenizer, fetch=False)
    except ModelLoadError:
        pytest.skip("the real tokenizers are not fetched (`facevqa fetch tokenizers`)")
    assert main(["qlora-memory", "smolvlm"], commands=COMMANDS) == 0
    row = capsys.readouterr().out.splitlines()[-1]
    assert row.startswith("| smolvlm | HuggingFaceTB/") and row.endswith(" |")
