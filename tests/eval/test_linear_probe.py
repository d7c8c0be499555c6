"""LinearProbe on frozen features: fit, probabilities, save/load without pickle."""

from __future__ import annotations

import numpy as np
import pytest

from eval.baselines.linear_probe import LinearProbe, ProbeSpec
from facevqa.errors import ConfigError, ModelLoadError


def _blobs(n=60, classes=("happy", "sad", "neutral"), seed=0):
    rng = np.random.default_rng(seed)
    centres = rng.normal(0, 3, (len(classes), 8))
    y = [classes[i % len(classes)] for i in range(n)]
    x = np.stack([centres[classes.index(c)] + rng.normal(0, 0.5, 8) for c in y])
    return x, y


def test_fit_predict_and_round_trip(tmp_path):
    x, y = _blobs()
    probe = LinearProbe().fit(x, y)
    p = probe.predict_proba(x)
    assert p.shape == (60, 3) and np.allclose(p.sum(1), 1)
    assert probe.labels == ("happy", "neutral", "sad")
    assert np.mean(np.array(probe.predict(x)) == np.array(y)) > 0.95
    probe.save(tmp_path / "probe")
    again = LinearProbe.load(tmp_path / "probe")
    np.testing.assert_allclose(again.predict_proba(x), p, atol=1e-12)
    saved = np.load(tmp_path / "probe" / "probe.npz", allow_pickle=False)  # plain arrays
    assert set(saved.files) == {"coef", "intercept", "mean", "scale"}


def test_binary_probe_matches_sklearn():
    from sklearn.linear_model import LogisticRegression

    x, y = _blobs(classes=("real", "spoof"))
    probe = LinearProbe(spec=ProbeSpec(standardize=False)).fit(x, y)
    ref = LogisticRegression(max_iter=2000).fit(x, y)
    np.testing.assert_allclose(probe.predict_proba(x), ref.predict_proba(x), atol=1e-8)


def test_featurize_callable_is_used():
    x, y = _blobs()
    images = list(range(len(y)))  # stand-ins for images: featurize maps them to rows of x
    probe = LinearProbe(featurize=lambda batch: x[list(batch)]).fit(images, y)
    assert probe.predict(images[:3]) == y[:3]


def test_errors_are_clear(tmp_path):
    with pytest.raises(ConfigError, match="two classes"):
        LinearProbe().fit(np.zeros((4, 2)), ["a"] * 4)
    with pytest.raises(ConfigError, match="not fitted"):
        LinearProbe().predict_proba(np.zeros((1, 2)))
    with pytest.raises(ConfigError, match="featurize"):
        LinearProbe().fit(["img"], ["a"])
    with pytest.raises(ModelLoadError):
        LinearProbe.load(tmp_path)
