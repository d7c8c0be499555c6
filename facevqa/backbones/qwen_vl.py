"""Qwen2-VL, Qwen2.5-VL and Qwen3-VL: ChatML turns, dynamic resolution (image_grid_thw; face
crops bounded to 448x448 pixels) and 3-axis rotary positions that the model computes itself."""

from __future__ import annotations

from facevqa.backbones import Family

CHAT_TEMPLATE = (
    "{% for message in messages %}{% if loop.first and message['role'] != 'system' %}"
    "<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n{% endif %}"
    "<|im_start|>{{ message['role'] }}\n{% for item in message['content'] %}"
    "{% if item['type'] == 'image' %}<|vision_start|><|image_pad|><|vision_end|>"
    "{% elif item['type'] == 'text' %}{{ item['text'] }}{% endif %}{% endfor %}<|im_end|>\n"
    "{% endfor %}{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)

FACE_PIXELS = 448 * 448
"""Largest crop area fed to the vision tower: a face needs no more, and the number of image
tokens (area / 28^2 or 32^2) stays bounded whatever the photo's size."""

FAMILY = Family(name="qwen_vl", model_types=("qwen2_vl", "qwen2_5_vl", "qwen3_vl"),
                chat_template=CHAT_TEMPLATE, rope="mrope",
                answer_token_types={"mm_token_type_ids": 0},
                processor_kwargs={"max_pixels": FACE_PIXELS},
                vision=("visual",), projector=("visual.merger",),
                vision_linear=("qkv", "proj", "gate_proj", "up_proj", "down_proj",
                               "linear_fc1", "linear_fc2"),
                projector_linear=("mlp.0", "mlp.2", "linear_fc1", "linear_fc2"))
