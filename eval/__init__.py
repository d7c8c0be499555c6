"""Batch evaluation of FaceVQA against classical baselines: metrics, fairness, reports."""
