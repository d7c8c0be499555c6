"""LLaVA-1.5, LLaVA-NeXT (anyres tiles, image_sizes) and LLaVA-OneVision: the processor's chat
template, one image per turn; the processor counts the image tokens of each tiling."""

from __future__ import annotations

from facevqa.backbones import Family

CHAT_TEMPLATE = (
    "{% for message in messages %}{% if message['role'] == 'user' %}USER: "
    "{% for item in message['content'] %}{% if item['type'] == 'image' %}<image>\n"
    "{% elif item['type'] == 'text' %}{{ item['text'] }}{% endif %}{% endfor %} "
    "{% else %}ASSISTANT: {% for item in message['content'] %}{{ item['text'] }}{% endfor %}"
    "{{ eos_token }}{% endif %}{% endfor %}{% if add_generation_prompt %}ASSISTANT:{% endif %}"
)
"""The LLaVA-1.5 (Vicuna) conversation format."""

FAMILY = Family(name="llava", model_types=("llava", "llava_next", "llava_onevision"),
                chat_template=CHAT_TEMPLATE)
