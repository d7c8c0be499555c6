"""Training on a tiny real PaliGemma: what moves, what must not, and that the loss falls."""

from __future__ import annotations

import json

import numpy as np
import pytest
import torch
from safetensors.torch import load_file

from facevqa.model import FaceVQA
from finetune.batches import balance_weights, batch_indices, collate, jitter_ages
from finetune.config import LoraSpec
from finetune.examples import load_examples
from finetune.loss import compute_loss
from finetune.setup_model import load_for_training
from finetune.train import train


def _snapshot(model):
    return {n: p.detach().clone() for n, p in model.named_parameters()}


@pytest.mark.parametrize("output_head", [False, True])
def test_lora_moves_adapter_weights_only_and_loss_falls(make_cfg, tmp_path, output_head):
    cfg = make_cfg(lora=LoraSpec(r=4, alpha=8, dropout=0.1, output_head=output_head))
    bb = load_for_training(cfg, tmp_path, device="cpu")
    train_set, _ = load_examples(cfg.data)
    batch_examples = [train_set[i] for i in range(4)]
    before = _snapshot(bb.model)
    opt = torch.optim.AdamW([p for p in bb.model.parameters() if p.requires_grad], lr=3e-2)
    losses = []
    for _ in range(40):
        loss = compute_loss(bb, collate(bb, batch_examples), cfg.spoof_alpha)
        loss.backward()
        opt.step()
        opt.zero_grad()
        losses.append(loss.item())
    assert losses[-1] < 0.6 * losses[0]  # memorising one batch: the loss must clearly fall
    after = _snapshot(bb.model)
    lora = [n for n in before if "lora_" in n]
    assert lora and all(not torch.equal(before[n], after[n]) for n in lora)
    assert all(torch.equal(before[n], after[n]) for n in before if "lora_" not in n)
    assert any("lm_head" in n for n in lora) == output_head  # the output projection's LoRA


@pytest.mark.parametrize("train_vision", [True, False])
def test_full_fine_tune_moves_the_vision_tower_only_when_asked(make_cfg, tmp_path, train_vision):
    cfg = make_cfg(method="full", train_vision=train_vision)
    bb = load_for_training(cfg, tmp_path, device="cpu")
    train_set, _ = load_examples(cfg.data)
    before = _snapshot(bb.model)
    opt = torch.optim.AdamW([p for p in bb.model.parameters() if p.requires_grad], lr=1e-3)
    compute_loss(bb, collate(bb, [train_set[i] for i in range(4)]), cfg.spoof_alpha).backward()
    opt.step()
    after = _snapshot(bb.model)
    # SigLIP's pooling head is never run by PaliGemma (it reads every token), so it gets no grad
    vision = [n for n in before if "vision_tower" in n and ".head." not in n]
    text = [n for n in before if "language_model" in n and n.endswith("q_proj.weight")]
    assert vision and text and all(not torch.equal(before[n], after[n]) for n in text)
    moved = [n for n in vision if not torch.equal(before[n], after[n])]
    if train_vision:  # all but SigLIP's pooling head, which PaliGemma never runs
        assert len(moved) >= 0.9 * len(vision)
    else:
        assert moved == []


def test_labels_mask_everything_but_answer_tokens(make_cfg, tmp_path):
    cfg = make_cfg()
    bb = load_for_training(cfg, tmp_path, device="cpu")
    train_set, _ = load_examples(cfg.data)
    examples = [train_set[i] for i in range(4)]
    batch = collate(bb, examples)
    for row, ex in zip(batch["labels"], examples):
        kept = row[row != -100].tolist()
        assert kept == bb.suffix_ids([ex["answer"]], eos=True)[0]
    spoof = [i for i, e in enumerate(examples) if e["task"] == "spoof"]
    for i in spoof:  # the verdict tokens are marked as judgment, the rest as explanation
        seg = batch["segments"][i][batch["labels"][i] != -100].tolist()
        assert seg[0] == 1 and set(seg[1:]) <= {2}


def test_batch_order_is_a_pure_function_of_the_step():
    a = [batch_indices(50, 4, seed=3, step=s) for s in range(30)]
    b = [batch_indices(50, 4, seed=3, step=s) for s in range(30)]
    assert a == b
    assert len(set(sum(a[:12], []))) == 48  # an epoch draws each example at most once
    assert batch_indices(50, 4, 3, 5, rank=1, world=2) != batch_indices(50, 4, 3, 5, 0, 2)


def test_balanced_sampling_draws_each_answer_of_a_question_equally_often():
    from datasets import Dataset

    # goatee: 1 yes, 9 no; smiling: 3 yes, 3 no; 10 emotion rows stay uniform
    rows = ([("attribute", "goatee", "yes")] + [("attribute", "goatee", "no")] * 9
            + [("attribute", "smiling", "yes")] * 3 + [("attribute", "smiling", "no")] * 3
            + [("emotion", None, "happy")] * 10)
    ds = Dataset.from_dict({k: list(v) for k, v in zip(("task", "attribute", "label"),
                                                       zip(*rows))})
    w = balance_weights(ds, ("attribute",))
    assert w.sum() == pytest.approx(1.0)
    # by hand: total 26 rows; goatee yes 10/(2*1)=5, each goatee no 10/(2*9)=5/9,
    # smiling rows 6/(2*3)=1, emotion rows 1 -> each question keeps its share of the draws
    expected = np.array([5] + [5 / 9] * 9 + [1] * 6 + [1] * 10) / 26
    assert np.allclose(w, expected)
    assert balance_weights(ds, ()) is None
    draws = sum((batch_indices(len(ds), 8, 0, s, weights=w) for s in range(3000)), [])
    counts = np.bincount(draws, minlength=len(ds)) / len(draws)
    assert counts[0] == pytest.approx(counts[1:10].sum(), rel=0.1)  # goatee yes == all its no
    assert counts[:10].sum() == pytest.approx(10 / 26, rel=0.05)  # the question's share is kept
    again = [batch_indices(len(ds), 8, 0, s, weights=w) for s in range(5)]
    assert again == [batch_indices(len(ds), 8, 0, s, weights=w) for s in range(5)]


def test_age_jitter_draws_neighbouring_ages_and_leaves_other_examples():
    rows = [{"task": "age", "age": 40, "answer": "40"}, {"task": "age", "age": 89, "answer": "89"},
            {"task": "age", "age": None, "answer": "20-29"},
            {"task": "emotion", "age": 40, "answer": "happy"}]
    draws = [jitter_ages(rows, 4.0, np.random.default_rng([0, s])) for s in range(400)]
    forty = np.array([int(d[0]["answer"]) for d in draws])
    assert abs(forty.mean() - 40) < 1.0 and 3.0 < forty.std() < 5.0  # N(40, 4), rounded
    assert max(int(d[1]["answer"]) for d in draws) == 90  # clipped to the last age choice
    assert all(d[2:] == rows[2:] for d in draws)  # group-only age and other tasks untouched
    assert rows[0]["answer"] == "40"  # inputs are not modified
    assert jitter_ages(rows, 0.0, np.random.default_rng(0)) == rows
    again = jitter_ages(rows, 4.0, np.random.default_rng([0, 7]))
    assert again == draws[7]  # seeded by the step: resumes reproduce it


def test_resume_after_interruption_matches_uninterrupted(make_cfg, tmp_path):
    whole = train(make_cfg(out=str(tmp_path / "whole")), progress=False)
    cut = make_cfg(out=str(tmp_path / "cut"))
    train(cut, progress=False, stop_after=3)
    resumed = train(cut, resume=True, progress=False)
    w1 = load_file(whole / "adapter_model.safetensors")
    w2 = load_file(resumed / "adapter_model.safetensors")
    assert w1.keys() == w2.keys()
    assert all(torch.allclose(w1[k], w2[k], atol=1e-6) for k in w1)
    final = [json.loads(x) for x in (tmp_path / "whole" / "log.jsonl").read_text().splitlines()]
    final2 = [json.loads(x) for x in (tmp_path / "cut" / "log.jsonl").read_text().splitlines()]
    last = [r for r in final if "loss" in r][-1]
    last2 = [r for r in final2 if "loss" in r][-1]
    assert last["step"] == last2["step"] and last["loss"] == pytest.approx(last2["loss"], abs=1e-6)


def test_same_seed_same_adapter_and_it_loads(make_cfg, tmp_path, tiny_paligemma):
    lora = LoraSpec(r=4, alpha=8, dropout=0.1, output_head=True)
    a = train(make_cfg(out=str(tmp_path / "a"), steps=3, lora=lora), progress=False)
    b = train(make_cfg(out=str(tmp_path / "b"), steps=3, lora=lora), progress=False)
    wa, wb = load_file(a / "adapter_model.safetensors"), load_file(b / "adapter_model.safetensors")
    assert all(torch.equal(wa[k], wb[k]) for k in wa)
    assert any("lm_head.lora" in k for k in wa)
    assert all("lora_" in k for k in wa)  # no copy of the base's (tied) embedding
    meta = json.loads((a / "facevqa.json").read_text())
    assert set(meta["tasks"]) == {"emotion", "spoof"} and "emotion" in meta["calibration"]
    vqa = FaceVQA.from_pretrained(tiny_paligemma, adapters={"mix": a}, device="cpu")
    ans = vqa.generate([train_set_image()], "what emotion is shown?", faces="none")[0]
    assert ans.status in ("ok", "abstain") and ans.task == "emotion" and ans.probs
    run = json.loads((tmp_path / "a" / "run.json").read_text())
    assert run["seed"] == 0 and "torch" in run["packages"]


def train_set_image():
    from facevqa.data.synthetic import draw_sample

    return draw_sample(123, size=64)["image"]


def test_qlora_trains_saves_and_reloads(make_cfg, tmp_path, tiny_paligemma):
    pytest.importorskip("bitsandbytes")
    cfg = make_cfg(method="qlora", out=str(tmp_path / "q"), steps=4, eval_every=4,
                   save_every=4)
    bb = load_for_training(cfg, tmp_path, device="cpu")
    assert any("Linear4bit" in type(m).__name__ for m in bb.model.modules())
    folder = train(cfg, progress=False)
    log = [json.loads(x) for x in (tmp_path / "q" / "log.jsonl").read_text().splitlines()]
    losses = [r["loss"] for r in log if "loss" in r]
    assert all(torch.isfinite(torch.tensor(losses)))
    vqa = FaceVQA.from_pretrained(tiny_paligemma, adapters={"emotion": folder},
                                  load_in_4bit=True, device="cpu")
    assert vqa.generate([train_set_image()], "what emotion?", faces="none")[0].probs
