"""Derived tokenizers (facevqa.real_tokenizers.DERIVED) keep their base's first ids and nothing
after, on a hand-made three-word tokenizer (no npm, no network)."""

from __future__ import annotations

import json

import pytest


def _base(folder):
    from tokenizers import AddedToken, Tokenizer
    from tokenizers.models import WordLevel
    from tokenizers.pre_tokenizers import Whitespace

    tok = Tokenizer(WordLevel({"a": 0, "b": 1, "c": 2}, unk_token="a"))
    tok.pre_tokenizer = Whitespace()
    tok.add_special_tokens([AddedToken(t, special=True) for t in ("<end>", "<x>", "<y>")])
    folder.mkdir()
    tok.save(str(folder / "tokenizer.json"))
    decoder = {str(i): {"content": t, "special": True, "normalized": False, "lstrip": False,
                        "rstrip": False, "single_word": False}
               for i, t in ((3, "<end>"), (4, "<x>"), (5, "<y>"))}
    config = {"tokenizer_class": "PreTrainedTokenizerFast", "eos_token": "<end>",
              "additional_special_tokens": ["<x>", "<y>"], "added_tokens_decoder": decoder,
              "chat_template": "{{ messages }}"}
    (folder / "tokenizer_config.json").write_text(json.dumps(config))


def test_derived_tokenizer_keeps_the_first_ids_only(tmp_path, monkeypatch):
    from transformers import AutoTokenizer

    from facevqa import real_tokenizers as rt

    monkeypatch.setenv("FACEVQA_TOKENIZERS", str(tmp_path))
    monkeypatch.setitem(rt.DERIVED, "cut", rt.DerivedTokenizer("qwen2_5", 5))
    _base(tmp_path / "qwen2_5")
    tok = AutoTokenizer.from_pretrained(rt.tokenizer_dir("cut", fetch=False))
    assert len(tok) == 5  # a b c <end> <x>; <y> (id 5) is gone
    assert tok.convert_tokens_to_ids(["<end>", "<x>"]) == [3, 4]
    assert tok.eos_token == "<end>" and tok.chat_template is None
    config = json.loads((tmp_path / "cut" / "tokenizer_config.json").read_text())
    assert config["additional_special_tokens"] == ["<x>"]


def test_unknown_tokenizer_lists_the_valid_names():
    from facevqa.errors import ConfigError
    from facevqa.real_tokenizers import tokenizer_dir

    with pytest.raises(ConfigError, match="valid: .*qwen2_5.*qwen2"):
        tokenizer_dir("nope")
