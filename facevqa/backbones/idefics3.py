"""Idefics3 and SmolVLM / SmolVLM2: `User:<image>prompt<end_of_utterance>` turns; image
splitting is off for face crops (one global image of image_seq_len tokens, no tiles)."""

from __future__ import annotations

from facevqa.backbones import Family

CHAT_TEMPLATE = (
    "<|im_start|>{% for message in messages %}{{ message['role'] | capitalize }}:"
    "{% for item in message['content'] %}{% if item['type'] == 'image' %}<image>"
    "{% elif item['type'] == 'text' %}{{ item['text'] }}{% endif %}{% endfor %}"
    "<end_of_utterance>\n{% endfor %}{% if add_generation_prompt %}Assistant:{% endif %}"
)

FAMILY = Family(name="idefics3", model_types=("idefics3", "smolvlm"),
                chat_template=CHAT_TEMPLATE, nested_images=True,
                processor_kwargs={"do_image_splitting": False},
                language="text_model", vision=("vision_model",), projector=("connector",),
                projector_linear=("proj",))
