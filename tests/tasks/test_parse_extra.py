"""Spoof explanations where a shared cue comes before the attack's name."""

from facevqa.tasks.parse import parse_spoof

CASES = [
    # the synthetic mask explanation: "cut-out" is also a print cue, but "mask" is named
    ("No. Cut-out edges and a uniform texture show this is a mask.", "mask"),
    # hyphenated and spaced forms of one phrase both match
    ("no, a print-out photo", "print"),
    ("no. it is a cut out photo", "print"),
    # cue only, no attack name
    ("no. moiré stripes and a bezel", "replay"),
]


def test_attack_named_outright_wins_over_shared_cues():
    for text, attack in CASES:
        assert parse_spoof(text).attack == attack, text
