"""Gemma 3: chat turns; the processor expands <start_of_image> into 256 soft tokens marked
with token type 1 (they attend to each other bidirectionally); answer tokens are type 0."""

from __future__ import annotations

from facevqa.backbones import Family

CHAT_TEMPLATE = (
    "{{ bos_token }}{% for message in messages %}<start_of_turn>"
    "{{ 'model' if message['role'] == 'assistant' else message['role'] }}\n"
    "{% for item in message['content'] %}{% if item['type'] == 'image' %}<start_of_image>"
    "{% elif item['type'] == 'text' %}{{ item['text'] | trim }}{% endif %}{% endfor %}"
    "<end_of_turn>\n{% endfor %}{% if add_generation_prompt %}<start_of_turn>model\n{% endif %}"
)

FAMILY = Family(name="gemma3", model_types=("gemma3",), chat_template=CHAT_TEMPLATE,
                nested_images=True, answer_token_types={"token_type_ids": 0})
