"""How one Answer is shown in the demo: a status message, the routed task, probabilities, the spoof
verdict with its explanation, and the face box drawn on the photo. Plain Python, no gradio."""

from __future__ import annotations

import re
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont

STATUS_TITLES = {
    "ok": "Answer",
    "no_face": "No face found",
    "abstain": "Not sure",
    "refused": "Refused",
    "error": "Could not answer",
}
STATUS_HINTS = {
    "no_face": "Try a photo where one face is clearly visible and not too small, or crop to it.",
    "abstain": "The model's confidence is under this task's threshold; treat the guess with care.",
    "refused": "FaceVQA does not identify people or infer sensitive traits from a face.",
    "error": "Check that the file is a readable image within the size limits.",
}
BOX_COLORS = {"ok": (46, 204, 113), "abstain": (243, 156, 18)}
DISPLAY_SIDE = 1024
"""Longest side of the photo shown back with its face box (keeps the rendered copy small)."""
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+|!~])")


@dataclass(frozen=True)
class Shown:
    """The pieces of the Ask tab for one answer."""

    markdown: str
    """The answer panel: status, headline, confidence, reason."""
    task: str
    """The routed task line, e.g. "emotion" or "attribute: eyeglasses" ("-" when none)."""
    probs: dict[str, float] | None
    """Label probabilities for closed-set tasks (None when there are none to show)."""
    spoof: str
    """The spoof verdict and its explanation (empty unless the task is spoof)."""


def escape(text: str) -> str:
    """Backslash-escape Markdown specials in model or user text."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def task_line(answer) -> str:
    """"emotion", "attribute: eyeglasses", or "-" when no task was routed."""
    if not answer.task:
        return "-"
    return f"{answer.task}: {answer.attribute}" if answer.attribute else answer.task


def headline(answer) -> str:
    """The answer in a few words, from the label, value and text."""
    if answer.task == "age" and answer.value is not None:
        group = f" (most likely group {answer.label})" if answer.label else ""
        return f"about {answer.value:.0f} years old{group}"
    if answer.task == "spoof" and answer.label:
        kind = f" ({answer.attack} attack)" if answer.attack and answer.label != "real" else ""
        return f"{answer.label}{kind}"
    if answer.task == "gender" and answer.label:
        return f"perceived {answer.label}"
    if answer.task == "attribute" and answer.label and answer.attribute:
        return f"{answer.attribute.replace('_', ' ')}: {answer.label}"
    return answer.label or answer.text.strip() or "(empty answer)"


def status_markdown(answer) -> str:
    """The answer panel's Markdown for any status."""
    title = STATUS_TITLES.get(answer.status, answer.status)
    lines = [f"### {title}"]
    if answer.status in ("ok", "abstain"):
        prefix = "Best guess: " if answer.status == "abstain" else ""
        lines.append(f"**{prefix}{escape(headline(answer))}**")
        if answer.confidence is not None:
            lines.append(f"Confidence {answer.confidence:.2f}")
        if answer.text and answer.task in ("caption", "open"):
            lines[1] = escape(answer.text.strip())
    if answer.error:
        lines.append(escape(answer.error))
    if answer.status in STATUS_HINTS:
        lines.append(f"*{STATUS_HINTS[answer.status]}*")
    return "\n\n".join(lines)


def spoof_markdown(answer) -> str:
    """Verdict, attack type and explanation for spoof answers; empty for other tasks."""
    if answer.task != "spoof" or answer.status not in ("ok", "abstain") or not answer.label:
        return ""
    verdict = "Real person" if answer.label == "real" else "Spoof (not a live face)"
    lines = [f"**Verdict:** {verdict}"]
    if answer.attack and answer.label != "real":
        lines.append(f"**Attack type:** {escape(answer.attack)}")
    lines.append(f"**Explanation:** {escape(answer.explanation or 'none given')}")
    return "\n\n".join(lines)


def show(answer) -> Shown:
    """Everything the Ask tab shows for one answer."""
    probs = dict(answer.probs) if answer.probs and answer.status in ("ok", "abstain") else None
    return Shown(status_markdown(answer), task_line(answer), probs, spoof_markdown(answer))


def draw_face(image: Image.Image, answer) -> Image.Image:
    """A display copy of `image` (longest side <= DISPLAY_SIDE) with the answer's face box."""
    scale = min(1.0, DISPLAY_SIDE / max(image.size))
    out = image.convert("RGB")
    if scale < 1.0:
        out = out.resize((round(image.width * scale), round(image.height * scale)))
    else:
        out = out.copy()
    if answer.face is None:
        return out
    box = [round(v * scale) for v in answer.face.box]
    color = BOX_COLORS.get(answer.status, (231, 76, 60))
    width = max(2, round(max(out.size) / 200))
    draw = ImageDraw.Draw(out)
    draw.rectangle(box, outline=color, width=width)
    caption = box_caption(answer)
    font = ImageFont.load_default(size=max(14, round(max(out.size) / 26)))
    left, top, right, bottom = draw.textbbox((0, 0), caption, font=font)
    x = max(0, min(box[0], out.width - (right - left) - 2 * width))
    y = box[1] - (bottom - top) - 3 * width
    y = y if y >= 0 else min(box[3] + width, out.height - (bottom - top) - 2 * width)
    draw.rectangle(draw.textbbox((x + width, y), caption, font=font), fill=color)
    draw.text((x + width, y), caption, fill=(0, 0, 0), font=font)
    return out


def box_caption(answer) -> str:
    """A short label for the face box: "45 y (70+)", "happy", "refused"..."""
    if answer.status not in ("ok", "abstain"):
        return answer.status
    if answer.task == "age" and answer.value is not None:
        return f"{answer.value:.0f} y ({answer.label})" if answer.label else f"{answer.value:.0f} y"
    text = answer.label or answer.text.strip() or answer.task or ""
    return text if len(text) <= 24 else text[:23] + "…"
