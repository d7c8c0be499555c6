"""Typed exceptions for programmer and configuration errors (per-item problems never raise)."""


class FaceVQAError(Exception):
    """Base class of every error facevqa raises on purpose."""


class ConfigError(FaceVQAError, ValueError):
    """A configuration value or name is wrong; the message lists the valid choices."""


class ModelLoadError(FaceVQAError, OSError):
    """A checkpoint or adapter could not be loaded; the message says what to do."""


class ImageError(FaceVQAError, ValueError):
    """One input image cannot be used (reported as that item's error, never raised by generate)."""
