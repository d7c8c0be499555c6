"""Ray Data for annotate, pseudo-label and eval: a stream of small work items (a shard, a batch)
mapped by a pool of model actors, one per worker (one GPU each where the cluster has GPUs).

Each actor loads its model once and runs the same function the single-process path runs on the
same item, so both paths give the same rows. Items are tiny descriptors; actors read their own
images and write their own shards, so the driver holds only descriptors and short reports.
Ray is imported here only, on use (`pip install 'facevqa[ray]'`).
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from facevqa.errors import ConfigError

log = logging.getLogger(__name__)

PASSED_ENV = ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_HOME", "FACEVQA_HOME")
"""Environment a local cluster's workers get from the driver."""


@dataclass(frozen=True)
class RayConfig:
    """Where and how wide to run."""

    address: str | None = None
    """None: start a local cluster (or use the one ray.init already connected); 'auto' or
    ray://HOST:10001: attach to a running cluster."""
    workers: int | None = None
    """Model actors; None: one per GPU of the cluster, else one per CPU."""
    gpus_per_worker: float | None = None
    """None: 1 where the cluster has GPUs, else 0."""

    def __post_init__(self) -> None:
        if self.workers is not None and self.workers < 1:
            raise ConfigError("--ray-workers must be >= 1")


def import_ray() -> Any:
    """ray, or a ConfigError saying how to install it."""
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError as e:
        raise ConfigError(f"--ray needs Ray Data ({e}); pip install 'facevqa[ray]'") from e
    return ray


def connect(cfg: RayConfig) -> Any:
    """Connect (or start a local cluster) unless this process is already connected."""
    ray = import_ray()
    if not ray.is_initialized():
        env = {k: os.environ[k] for k in PASSED_ENV if k in os.environ}
        ray.init(address=cfg.address, include_dashboard=False, log_to_driver=False,
                 runtime_env={"env_vars": env} if env else None)
    return ray


def pool_size(ray: Any, cfg: RayConfig) -> tuple[int, float]:
    """(actors, GPUs per actor) for this cluster."""
    res = ray.cluster_resources()
    gpus = cfg.gpus_per_worker if cfg.gpus_per_worker is not None else (
        1.0 if res.get("GPU", 0) >= 1 else 0.0)
    default = int(res.get("GPU", 0) // gpus) if gpus else int(res.get("CPU", 1))
    return max(1, cfg.workers or default), gpus


class _Worker:
    """A Ray Data actor: builds its work function once (model load), then maps items."""

    def __init__(self, make: Callable[[], Callable[[dict], dict]]):
        self.fn = make()

    def __call__(self, batch: dict) -> dict:
        return {"report": [json.dumps(self.fn(json.loads(item)), default=str)
                           for item in batch["item"]]}


def ray_map(items: Sequence[dict], make: Callable[[], Callable[[dict], dict]],
            cfg: RayConfig) -> Iterator[dict]:
    """Map JSON-safe `items` through fn = make() on a pool of actors; reports in item order,
    streamed as they finish. `make` is pickled to every actor (a module function or partial).
    """
    if not items:
        return
    ray = connect(cfg)
    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True  # the same file order as one process
    ctx.enable_progress_bars = False  # the command shows its own
    size, gpus = pool_size(ray, cfg)
    log.info("ray: %d actors, %s GPU each, %d items", size, gpus, len(items))
    ds = ray.data.from_items([{"item": json.dumps(it)} for it in items],
                             override_num_blocks=len(items))
    ds = ds.map_batches(_Worker, fn_constructor_kwargs={"make": make}, batch_size=1,
                        compute=ray.data.ActorPoolStrategy(size=size), num_cpus=1,
                        num_gpus=gpus or None, batch_format="numpy")
    for row in ds.iter_rows():
        yield json.loads(row["report"])
