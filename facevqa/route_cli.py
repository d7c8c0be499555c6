"""`facevqa route "question" [--json]`: where a question goes and why, for debugging refusals.

Prints the route (task, attribute, how it was chosen, the prompt) or the refusal (category and
reason), with the question classifier's refusal probability and its most likely labels.
"""

from __future__ import annotations

import argparse
import dataclasses
import json


def add_parser(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("route", help="show how a question is routed (or why it is refused)",
                       description=__doc__.splitlines()[0])
    p.add_argument("question", nargs="+", help="the question (several words, quoted or not)")
    p.add_argument("--family", default="paligemma", help="prompt style: paligemma or llava")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(run=run)
    return p


def explain(question: str, family: str = "paligemma") -> dict:
    """The decision and the classifier's scores of one question, as a JSON-ready dict."""
    from facevqa.router import default_router
    from facevqa.tasks.results import Refusal

    router = default_router()
    decision = router.route(question, family=family)
    score = router.classify(question)
    out = {"question": question, "refused": isinstance(decision, Refusal),
           **dataclasses.asdict(decision)}
    if score is not None:
        top = sorted(score.probs.items(), key=lambda kv: -kv[1])[:3]
        out["classifier"] = {"label": score.label, "refusal": round(score.refusal, 4),
                             "top": {k: round(v, 4) for k, v in top}}
    return out


def run(args: argparse.Namespace) -> int:
    got = explain(" ".join(args.question), args.family)
    if args.json:
        print(json.dumps(got, ensure_ascii=False))
        return 0
    if got["refused"]:
        print(f"refused ({got['category']}): {got['reason']}")
    else:
        attr = f" / {got['attribute']}" if got.get("attribute") else ""
        score = f" {got['score']:.3f}" if got.get("score") is not None else ""
        print(f"task: {got['task']}{attr} (by {got['source']}{score})")
        print(f"prompt: {got['prompt']}")
    clf = got.get("classifier")
    if clf:
        top = ", ".join(f"{k} {v:.3f}" for k, v in clf["top"].items())
        print(f"classifier: refusal {clf['refusal']:.3f}; {top}")
    return 0
