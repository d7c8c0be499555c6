"""The embedded default's emotion adapter data (finetune.default._emotion_rows): teacher draws for
photos without their own label, tinted grey photos, grey colour photos."""

from __future__ import annotations

import numpy as np
from PIL import Image

from finetune.default import DefaultRecipe, _emotion_rows, _is_grey


def _rows():
    grey = Image.fromarray(np.full((8, 8, 3), 100, np.uint8))
    colour = Image.fromarray(np.random.default_rng(0).integers(0, 255, (8, 8, 3), np.uint8))
    soft = {"happy": 0.5, "sad": 0.5, "contempt": 0.0}
    return [dict(id="fer", spoof="real", split="train", emotion="sad", image=grey),
            dict(id="utk", spoof="real", split="train", emotion="happy", image=colour,
                 soft_emotion=soft),
            dict(id="utk-print", spoof="print", split="train", emotion="happy", image=colour),
            dict(id="val", spoof="real", split="validation", emotion="happy", image=colour),
            dict(id="val2", spoof="real", split="validation", emotion=None, image=colour),
            dict(id="test", spoof="real", split="test", emotion="sad", image=grey)]


def test_teacher_draws_tints_and_grey_copies():
    recipe = DefaultRecipe(data="real", emotion_samples=4, emotion_tint_rate=1.0,
                           emotion_grey_rate=1.0)
    assert recipe.emotion_own_data()
    out = list(_emotion_rows(_rows(), {"fer", "test"}, recipe))
    ids = [r["id"] for r in out]
    assert ids[:2] == ["fer", "fer-tint"]  # its own label kept; a tinted copy
    assert not _is_grey(out[1]["image"]) and out[1]["emotion"] == "sad"
    draws = [r for r in out if r["id"].startswith("utk-e") and not r["id"].endswith("grey")]
    assert len(draws) == 4 and {r["emotion"] for r in draws} <= {"happy", "sad"}
    assert all(_is_grey(r["image"]) for r in out if r["id"].endswith("-grey"))
    assert [r["split"] for r in out if r["id"] == "val"] == ["eval"]
    assert not {"val2", "test", "utk-print"} & set(ids)  # unlabelled, test and attacks left out
    again = [(r["id"], r["emotion"]) for r in _emotion_rows(_rows(), {"fer", "test"}, recipe)]
    assert again == [(r["id"], r["emotion"]) for r in out]  # stable per id


def test_without_options_the_adapter_shares_the_base_data():
    assert not DefaultRecipe(data="real").emotion_own_data()
    assert not DefaultRecipe(emotion_samples=2).emotion_own_data()  # the synthetic world
    out = list(_emotion_rows(_rows(), {"fer"}, DefaultRecipe(data="real", emotion_grey_rate=0.0)))
    assert [r["id"] for r in out] == ["fer", "utk", "val"]
