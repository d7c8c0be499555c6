"""One row per task: every task list and per-task table agrees with facevqa.tasks.TASKS."""

from __future__ import annotations

import pytest

from facevqa.tasks import TASKS, answer_text, families, make_route, parse_answer, summarize
from facevqa.tasks.templates import TASK_TEMPLATES

CLOSED = [name for name, spec in TASKS.items() if spec.kind == "closed"]
WITH_ANSWERS = [name for name in TASKS if name != "open"]


def test_task_lists_follow_the_table_in_its_order():
    from demo.app import TASKS as demo_tasks
    from eval.answering import TASK_RANK
    from eval.baselines.common import TRAINED_TASKS
    from eval.sets import EVAL_TASKS
    from facevqa.data.qa import TASK_ORDER
    from facevqa.tasks.questions import BENIGN_LABELS
    from finetune.default import ADAPTER_TASKS

    order = tuple(TASKS)
    assert BENIGN_LABELS == TASK_ORDER == tuple(demo_tasks) == tuple(TASK_RANK) == order
    assert EVAL_TASKS == ADAPTER_TASKS == tuple(WITH_ANSWERS)
    assert TRAINED_TASKS == tuple(CLOSED)


def test_per_task_tables_cover_exactly_the_tasks():
    from eval.metrics import HEADLINE_METRICS, TASK_METRICS
    from eval.scalars import SCALARS, TASK_SCALARS
    from facevqa.data.qa import TASK_TARGETS
    from finetune.default import ADAPTER_STEPS

    for table in (TASK_METRICS, HEADLINE_METRICS, TASK_SCALARS, TASK_TARGETS):
        assert list(table) == list(TASKS)
    assert set(ADAPTER_STEPS) == set(WITH_ANSWERS)
    assert set(TASK_TEMPLATES) == set(TASKS) - {"attribute", "open"}
    for spec in TASKS.values():
        assert set(spec.fairness) <= set(SCALARS), spec.name
        assert spec.fairness[0] == "coverage" and spec.title and spec.description


@pytest.mark.parametrize("family", families())
@pytest.mark.parametrize("task", list(TASKS))
def test_every_task_has_a_prompt_in_every_family(family, task):
    attribute = "eyeglasses" if task == "attribute" else None
    route = make_route(task, "what is in the background?", attribute=attribute, family=family)
    assert route.prompt.strip() and route.kind == TASKS[task].kind


@pytest.mark.parametrize("task", [t for t in CLOSED if t != "attribute"])
def test_each_label_round_trips_through_target_parser_and_summary(task):
    """The answer text trained for a label parses back to it, and a one-hot over the choices
    summarises to it: target builder, parser and summariser of one row agree."""
    spec = TASKS[task]
    route = make_route(task, spec.question)
    for label in spec.labels:
        text = answer_text(task, label)
        assert parse_answer(route, text).label == label, (task, label, text)
        index = (spec.choices.index(text) if text in spec.choices else
                 next(i for i, c in enumerate(spec.choices) if c.startswith(text)))
        one_hot = [1.0 if i == index else 0.0 for i in range(len(spec.choices))]
        assert summarize(route, one_hot).label == label, (task, label)


@pytest.mark.parametrize("attribute", ["eyeglasses", "hair_color"])
def test_attribute_labels_round_trip(attribute):
    from facevqa.tasks import get_attribute

    route = make_route("attribute", "q?", attribute=attribute)
    for label in get_attribute(attribute).labels:
        assert parse_answer(route, answer_text("attribute", label, attribute=attribute)).label \
            == label
