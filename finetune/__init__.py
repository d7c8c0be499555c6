"""Fine-tuning: LoRA / QLoRA / full training of FaceVQA task adapters through accelerate."""
