"""Metrics against hand-computed values on tiny hand-made prediction sets."""

from __future__ import annotations

import pytest

from eval.metrics import (
    HEADLINE_METRICS,
    TASK_METRICS,
    MetricOptions,
    compute_all,
    compute_metrics,
    resolve_age_group,
)
from eval.predictions import PredictionRecord as R
from eval.scalars import TASK_SCALARS
from eval.spoof import pick_threshold
from eval.text import keyword_recall, rouge_l

approx = pytest.approx


def emo(i, true, pred, status="ok", conf=None, model="vlm"):
    return R(id=f"e{i}", task="emotion", model=model, status=status, label_true=true,
             label_pred=pred, confidence=conf)


def test_accuracy_macro_f1_confusion():
    # true a a b b c / pred a b b b a: 3 of 5 right -> accuracy 0.6.
    # F1 a: tp1 fp1 fn1 -> 0.5; b: tp2 fp1 fn0 -> P 2/3 R 1 -> 0.8; c: tp0 -> 0.
    # macro-F1 = (0.5 + 0.8 + 0) / 3 = 0.4333.
    rs = [emo(i, t, p) for i, (t, p) in enumerate(zip("aabbc", "abbba"))]
    m = compute_metrics(rs, "emotion")
    assert m["accuracy"] == approx(0.6)
    assert m["macro_f1"] == approx(1.3 / 3)
    assert m["f1_per_class"] == approx({"a": 0.5, "b": 0.8, "c": 0.0})
    assert m["confusion"] == {"labels": ["a", "b", "c"],
                              "matrix": [[1, 1, 0], [0, 2, 0], [1, 0, 0]]}


def test_statuses_are_counted_and_left_out_of_denominators():
    rs = [emo(0, "happy", "happy"), emo(1, "happy", "sad"), emo(2, "sad", "sad"),
          emo(3, "sad", "sad"), emo(4, "happy", "sad", status="abstain"),
          emo(5, "happy", None, status="no_face"), emo(6, "sad", None, status="error"),
          emo(7, "sad", None, status="refused")]
    m = compute_metrics(rs, "emotion")
    assert (m["n_total"], m["n_scored"], m["n_ok"], m["n_abstain"]) == (8, 5, 4, 1)
    assert (m["n_no_face"], m["n_error"], m["n_refused"]) == (1, 1, 1)
    assert m["coverage"] == approx(5 / 8)  # scored / all
    assert m["abstain_rate"] == approx(1 / 5)  # abstain / scored
    assert m["accuracy"] == approx(3 / 5)  # abstention scored with its (wrong) best guess
    assert m["answered_accuracy"] == approx(3 / 4)  # ok records only


def test_missing_prediction_counts_wrong():
    # a->a right, b->(none) wrong: accuracy 0.5; F1 a = 1, F1 b = 0 -> macro 0.5
    m = compute_metrics([emo(0, "a", "a"), emo(1, "b", None)], "emotion")
    assert m["accuracy"] == approx(0.5)
    assert m["macro_f1"] == approx(0.5)
    assert m["n_no_prediction"] == 1


def test_ece_on_five_and_reliability_bins():
    # conf .92 .96 .85 .62 .68, correct 1 0 1 1 0 (10 equal bins):
    # (0.9,1]: n2 conf .94 acc .5 -> |.44|*2/5 = .176; (0.8,0.9]: .85 vs 1 -> .15/5 = .03;
    # (0.6,0.7]: conf .65 acc .5 -> .15*2/5 = .06.  ECE = .266
    labels = [("a", "a"), ("a", "b"), ("b", "b"), ("c", "c"), ("c", "a")]
    confs = [0.92, 0.96, 0.85, 0.62, 0.68]
    rs = [emo(i, t, p, conf=c) for i, ((t, p), c) in enumerate(zip(labels, confs))]
    m = compute_metrics(rs, "emotion")
    assert m["ece"] == approx(0.266)
    top = m["reliability"][-1]
    assert (top["low"], top["high"], top["n"]) == (0.9, 1.0, 2)
    assert top["confidence"] == approx(0.94) and top["accuracy"] == approx(0.5)
    assert [b["n"] for b in m["reliability"]] == [0, 0, 0, 0, 0, 0, 2, 0, 1, 2]
    coarse = compute_metrics(rs, "emotion", MetricOptions(n_bins=1))
    # one bin: |mean conf .806 - acc .6| = .206
    assert coarse["ece"] == approx(0.206)


@pytest.mark.parametrize("years, five, nine", [
    (0, "0-9", "0-2"),        # youngest edge
    (2.9, "0-9", "0-2"),      # fractional years floor
    (3, "0-9", "3-9"),        # FairFace 3-9 starts at 3
    (9.99, "0-9", "3-9"),     # just under 10
    (19, "10-19", "10-19"),   # same label in both schemes
    (39, "20-39", "30-39"),   # top of the 5-scheme's widest group
    (60, "60+", "60-69"),     # open-ended 5-scheme group
    (95, "60+", "70+"),       # open-ended 9-scheme group
])
def test_age_group_edges(years, five, nine):
    assert resolve_age_group(years, None, "5") == five
    assert resolve_age_group(years, None, "9") == nine


def test_age_mae_and_group_accuracy():
    # true 25 30 61 8 / pred 31 30 55 9: |err| 6 0 6 1 -> MAE 13/4 = 3.25.
    # 5 groups: 20-39/20-39 ok, 20-39/20-39 ok, 60+/40-59 no, 0-9/0-9 ok -> 0.75.
    # 9 groups: 20-29/30-39 no, 30-39/30-39 ok, 60-69/50-59 no, 3-9/3-9 ok -> 0.5.
    rs = [R(id=str(i), task="age", value_true=t, value_pred=p)
          for i, (t, p) in enumerate([(25, 31), (30, 30), (61, 55), (8, 9)])]
    m = compute_metrics(rs, "age")
    assert m["mae"] == approx(3.25) and m["n_mae"] == 4
    assert m["group_accuracy_5"] == approx(0.75)
    assert m["group_accuracy_9"] == approx(0.5)
    assert m["confusion_9"]["labels"][:2] == ["3-9", "20-29"]  # scheme order, not alphabetical


def test_age_label_only_truth_nests_nine_groups_into_five():
    # FairFace gives only a group: "20-29" with prediction 33 years -> 9: wrong, 5: right.
    # A 5-group truth "40-59" cannot be scored in the 9-group scheme.
    rs = [R(id="f", task="age", label_true="20-29", value_pred=33),
          R(id="s", task="age", label_true="40-59", label_pred="40-59")]
    m = compute_metrics(rs, "age")
    assert "mae" not in m
    assert m["group_accuracy_9"] == 0.0 and m["n_group_9"] == 1
    assert m["group_accuracy_5"] == 1.0 and m["n_group_5"] == 2
    assert resolve_age_group(None, "70+", "5") == "60+"


def test_attribute_mean_accuracy_and_f1():
    # eyeglasses yes yes no no / yes no no yes: acc .5, F1(yes) tp1 fp1 fn1 = .5
    # hair_color black blond black / black black black: acc 2/3;
    #   F1 black = 2*2/(2*2+1) = .8, blond = 0 -> macro .4
    # mean accuracy (.5 + 2/3)/2 = .58333, mean F1 (.5 + .4)/2 = .45, pooled 4/7
    # balanced: eyeglasses recall yes 1/2, no 1/2 -> .5; hair recall black 1, blond 0 -> .5
    rows = [("eyeglasses", "yes", "yes"), ("eyeglasses", "yes", "no"),
            ("eyeglasses", "no", "no"), ("eyeglasses", "no", "yes"),
            ("hair_color", "black", "black"), ("hair_color", "blond", "black"),
            ("hair_color", "black", "black")]
    rs = [R(id=str(i), task="attribute", attribute=a, label_true=t, label_pred=p)
          for i, (a, t, p) in enumerate(rows)]
    m = compute_metrics(rs, "attribute")
    assert m["per_attribute"]["eyeglasses"] == {"accuracy": 0.5, "balanced_accuracy": 0.5,
                                                "chance": 0.5, "f1": 0.5, "n": 4}
    assert m["per_attribute"]["hair_color"]["balanced_accuracy"] == approx(0.5)
    assert m["per_attribute"]["hair_color"]["f1"] == approx(0.4)
    assert m["mean_attribute_accuracy"] == approx((0.5 + 2 / 3) / 2)
    assert m["mean_attribute_f1"] == approx(0.45)
    assert m["mean_attribute_balanced_accuracy"] == approx(0.5)
    assert m["accuracy"] == approx(4 / 7)


def spoof(i, true, score, attack=None, **kw):
    return R(id=f"s{i}", task="spoof", label_true=true, score=score, attack_true=attack, **kw)


DEV = [spoof(0, "spoof", 0.9), spoof(1, "spoof", 0.6), spoof(2, "spoof", 0.2),
       spoof(3, "real", 0.1), spoof(4, "real", 0.3), spoof(5, "real", 0.4)]


def test_spoof_rates_auc_eer_on_six():
    # threshold .5: attacks .9 .6 caught, .2 missed -> APCER 1/3; reals all < .5 -> BPCER 0;
    # ACER = HTER = 1/6.  AUC: of 9 attack/real pairs, .9 and .6 beat all 3, .2 beats .1 -> 7/9.
    # ROC (spoof >= t): t=.6 APCER 1/3 BPCER 0; t=.4 APCER 1/3 BPCER 1/3 -> EER 1/3 at .4.
    m = compute_metrics(DEV, "spoof")
    assert (m["apcer"], m["bpcer"]) == (approx(1 / 3), 0.0)
    assert m["acer"] == approx(1 / 6) and m["hter"] == approx(1 / 6)
    assert m["auc"] == approx(7 / 9)
    assert m["eer"] == approx(1 / 3) and m["eer_threshold"] == approx(0.4)
    assert m["threshold_source"] == "default" and m["threshold"] == 0.5
    assert m["confusion"]["matrix"] == [[3, 0], [1, 2]]  # rows real, spoof


def test_threshold_from_dev_applied_to_test():
    # min ACER on dev: t=.9 -> (2/3+0)/2, t=.6 -> (1/3+0)/2 = 1/6 (min), t=.4 -> 1/3.
    assert pick_threshold(DEV, "eer") == approx(0.4)
    assert pick_threshold(DEV, "min_acer") == approx(0.6)
    with pytest.raises(ValueError, match="valid: eer, min_acer"):
        pick_threshold(DEV, "roc")
    # test at t=.4: attacks .45 print ok, .35 replay missed, .8 print ok -> APCER 1/3;
    # reals .42 rejected, .1 ok -> BPCER 1/2; ACER (1/3 + 1/2)/2 = 5/12.
    # per attack: print 0/2, replay 1/1 -> APCER max 1, ACER max (1 + 1/2)/2 = .75
    test = [spoof(0, "spoof", 0.45, "print"), spoof(1, "spoof", 0.35, "replay"),
            spoof(2, "spoof", 0.8, "print"), spoof(3, "real", 0.42), spoof(4, "real", 0.1)]
    m = compute_metrics(test, "spoof", MetricOptions(spoof_threshold=0.4))
    assert m["threshold_source"] == "dev"
    assert (m["apcer"], m["bpcer"], m["acer"]) == (approx(1 / 3), 0.5, approx(5 / 12))
    assert m["apcer_by_attack"] == {"print": 0.0, "replay": 1.0}
    assert (m["apcer_max"], m["acer_max"]) == (1.0, 0.75)


def test_spoof_score_falls_back_to_probs_then_label():
    rs = [R(id="a", task="spoof", label_true="spoof", probs={"spoof": 0.7, "real": 0.3}),
          R(id="b", task="spoof", label_true="real", label_pred="spoof")]
    m = compute_metrics(rs, "spoof")
    assert (m["apcer"], m["bpcer"], m["n_without_score"]) == (0.0, 1.0, 1)
    with pytest.raises(ValueError, match="real"):
        compute_metrics([R(id="c", task="spoof", label_true="print")], "spoof")


def test_rouge_l_and_keyword_recall():
    # ref: the person has a paper border (6 tokens); pred: paper border visible (3).
    # LCS 2 -> P 2/3, R 1/3 -> F = 2PR/(P+R) = 4/9
    assert rouge_l(["paper border visible"], ["the person has a paper border"])[0] == approx(4 / 9)
    assert keyword_recall("Paper borders, and glare!", ["paper border", "glare", "moire"]) \
        == approx(2 / 3)  # multi-word, plural stemmed, punctuation ignored
    assert keyword_recall("borderline case", ["border"]) == 0.0  # tokens, not substrings
    m = compute_metrics([R(id="x", task="spoof", label_true="spoof", score=0.9,
                           explanation_pred="paper border visible",
                           explanation_ref="the person has a paper border",
                           cue_keywords=("border", "paper", "glare"))], "spoof")
    assert m["explanation_rouge_l"] == approx(4 / 9)
    assert m["explanation_keyword_recall"] == approx(2 / 3)
    assert m["explanation_keyword_hit_rate"] == 1.0


def test_keyword_hit_rate_counts_texts_naming_a_true_cue():
    # three attacks: two cues named of three (hit), none named (miss), missing text (miss)
    rs = [R(id=i, task="spoof", label_true="spoof", score=0.9, explanation_pred=text,
            explanation_ref="a screen bezel and moire stripes", cue_keywords=cues)
          for i, text, cues in [("a", "screen bezel, moire", ("screen bezel", "moire", "glare")),
                                ("b", "a paper border", ("screen bezel", "glare")),
                                ("c", None, ("cut-out edges",))]]
    m = compute_metrics(rs, "spoof")
    assert m["explanation_keyword_recall"] == approx((2 / 3 + 0 + 0) / 3)
    assert m["explanation_keyword_hit_rate"] == approx(1 / 3)
    assert m["explanation_keyword_hit_rate_answered"] == approx(1 / 2)  # of the 2 texts given


def test_caption_rouge_and_attribute_recall():
    # pred a smile woman with black hair / ref a woman with black hair smile (stemmed):
    # LCS "a woman with black hair" = 5 of 6 both ways -> F = 5/6; keywords 2 of 3 found
    rs = [R(id="c", task="caption", text_pred="a smiling woman with black hair",
            text_ref="a woman with black hair smiling",
            cue_keywords=("black hair", "smiling", "glasses"))]
    m = compute_metrics(rs, "caption")
    assert m["rouge_l"] == approx(5 / 6)
    assert m["keyword_recall"] == approx(2 / 3)


def test_dispatch_tables_and_errors():
    assert set(TASK_METRICS) == set(TASK_SCALARS) == set(HEADLINE_METRICS)
    with pytest.raises(ValueError, match="valid: age, emotion"):
        compute_metrics([], "height")
    with pytest.raises(ValueError, match="per model"):
        compute_metrics([emo(0, "a", "a"), emo(1, "a", "a", model="cnn")], "emotion")
    assert compute_metrics([R(id="o", task="open")], "open")["n_total"] == 1
    out = compute_all([emo(0, "a", "a"), emo(0, "a", "b", model="cnn"),
                       R(id="t", task="age", value_true=3, value_pred=4)])
    assert set(out) == {"vlm", "cnn"} and set(out["vlm"]) == {"emotion", "age"}
    assert out["cnn"]["emotion"]["accuracy"] == 0.0


def test_attribute_f1_with_not_visible_predictions():
    # hand-made: truth all "no" but one "yes"; predictions include "not_visible"
    from eval.metrics import compute_metrics
    from eval.predictions import PredictionRecord

    rows = [("yes", "yes"), ("no", "not_visible"), ("no", "no"), ("no", "yes")]
    recs = [PredictionRecord(id=str(i), task="attribute", attribute="eyeglasses", status="ok",
                             label_true=t, label_pred=p) for i, (t, p) in enumerate(rows)]
    m = compute_metrics(recs, "attribute")
    # yes-class: tp=1, fp=1, fn=0 -> precision 0.5, recall 1 -> F1 2/3; accuracy 2/4
    per = m["per_attribute"]["eyeglasses"]
    assert abs(per["f1"] - 2 / 3) < 1e-9 and abs(per["accuracy"] - 0.5) < 1e-9
