"""Loopback load test of the demo: N concurrent Ask requests through Gradio's queue, then stop.

Run: facevqa demo loadtest [--model PATH] [--requests 50] [--concurrency 50] [--floor]
     facevqa demo loadtest --url http://127.0.0.1:7860/      # a demo that is already running
Starts the demo on 127.0.0.1 (a free port) as `facevqa demo` serves it (the classical heads
answering beside the model unless --no-classical) unless --url is given; each request uploads
its own photo (an example photo made distinct); sends the requests with
gradio_client from a separate client process (as real users are other machines: the client's
threads do not share the server's interpreter lock), prints latency p50/p90/p99 and exits 1 if
any request got no answer. --floor then runs the same load against the same app over a model
that answers instantly without looking: what Gradio, the uploads and the client cost on this
machine, side by side. Manual only: it is not part of the test run.
"""

from __future__ import annotations

import argparse
import logging
import multiprocessing
import os
import socket
import statistics
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from facevqa import Answer
from demo.cli import load_models
from facevqa.ask import add_model_args
from facevqa.examples import available_examples

log = logging.getLogger(__name__)

QUESTIONS = ("How old is this person?", "What emotion is shown?",
             "Is the person wearing eyeglasses?", "What is the perceived gender?",
             "Is this photo of a real person?", "who is this person?")
LOOPBACK = ("127.0.0.1", "localhost", "::1")
ANSWERED = ("ok", "abstain", "no_face", "refused")
"""Statuses that count as an answer (error does not)."""


@dataclass(frozen=True)
class Result:
    """One request: its latency and the answer's status (or the failure)."""

    seconds: float
    status: str
    error: str | None = None


class InstantModel:
    """Answers every question at once without looking at the photo: the load test's floor
    (never a model; --floor only)."""

    def generate(self, images, questions, *, task=None, **kw) -> list[Answer]:
        return [Answer(status="ok", task=task or "age", label="30", text="30",
                       probs={"30": 1.0}, confidence=1.0) for _ in images]

    def info(self) -> dict:
        return {"base": "instant answers (load-test floor)", "family": "none", "adapters": {}}


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100), linear between closest ranks."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = (len(ordered) - 1) * q / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def one_request(client, image: Path, question: str) -> Result:
    """Send one Ask request and wait for its answer."""
    from gradio_client import handle_file

    start = time.perf_counter()
    try:
        out = client.predict(handle_file(str(image)), question, "auto", api_name="/ask")
    except Exception as e:  # noqa: BLE001 - any failure is this request's result
        return Result(time.perf_counter() - start, "failed", f"{type(e).__name__}: {e}")
    details = out[-1] if isinstance(out, (list, tuple)) and out else {}
    status = details.get("status", "missing") if isinstance(details, dict) else "missing"
    return Result(time.perf_counter() - start, status)


def distinct_photos(n: int, folder: Path) -> list[Path]:
    """`n` upload files cycling the example photos, each made a different image (a few corner
    pixels carry its number), as every user brings their own photo: nothing the server
    remembers about one request can answer another."""
    from PIL import Image

    examples = list(available_examples().values())
    if not examples:
        raise SystemExit("no example photos installed (scikit-image / matplotlib)")
    out = []
    for i in range(n):
        source = examples[i % len(examples)]
        with Image.open(source) as im:
            photo = im.convert("RGB")
        photo.putpixel((0, 0), (i % 256, i // 256 % 256, 255))
        path = folder / f"{i:04d}{source.suffix}"
        photo.save(path, quality=95) if source.suffix.lower() in (".jpg", ".jpeg") else \
            photo.save(path)
        out.append(path)
    return out


def run_load(url: str, photos: list[Path], concurrency: int, timeout: float) -> list[Result]:
    """One Ask request per photo, `concurrency` at a time, cycling the questions."""
    from gradio_client import Client

    # gradio_client makes a new httpx client for every upload and post; with certificate
    # checks on, each loads the CA bundle (about half the client's CPU on plain-http loopback,
    # where there is no TLS to check)
    client = Client(url, verbose=False, analytics_enabled=False, download_files=False,
                    max_workers=concurrency, httpx_kwargs={"timeout": timeout},
                    ssl_verify=urlparse(url).scheme != "http")
    jobs = [(photo, QUESTIONS[i % len(QUESTIONS)]) for i, photo in enumerate(photos)]
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        futures = [pool.submit(one_request, client, img, q) for img, q in jobs]
        return [f.result(timeout=timeout) for f in futures]


def timed_load(url: str, requests: int, concurrency: int, timeout: float
               ) -> tuple[list[Result], float]:
    """run_load() over `requests` distinct photos and its wall time in seconds (what the client
    process runs)."""
    with tempfile.TemporaryDirectory() as tmp:
        photos = distinct_photos(requests, Path(tmp))
        start = time.perf_counter()
        results = run_load(url, photos, concurrency, timeout)
        return results, time.perf_counter() - start


def load_from_own_process(url: str, requests: int, concurrency: int, timeout: float
                          ) -> tuple[list[Result], float]:
    """timed_load() in a fresh client process (spawned, so it shares nothing with the server)."""
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(timed_load, url, requests, concurrency, timeout).result()


def report(results: list[Result], wall: float) -> int:
    """Print the latency summary; 0 when every request was answered."""
    latencies = [r.seconds for r in results]
    failed = [r for r in results if r.status not in ANSWERED]
    counts: dict[str, int] = {}
    for r in results:
        counts[r.status] = counts.get(r.status, 0) + 1
    print(f"requests: {len(results)} in {wall:.1f} s ({len(results) / wall:.1f} req/s); "
          f"statuses: {counts}")
    print(f"latency s: p50 {percentile(latencies, 50):.2f}  p90 {percentile(latencies, 90):.2f}"
          f"  p99 {percentile(latencies, 99):.2f}  max {max(latencies):.2f}  "
          f"mean {statistics.fmean(latencies):.2f}")
    for r in failed[:5]:
        print(f"  unanswered: {r.status} {r.error or ''}")
    return 1 if failed else 0


def serve(args: argparse.Namespace, model=None):
    """Start the demo in this process on 127.0.0.1 and a free port; returns (app, url)."""
    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
    from demo.app import build_app

    model, heads, why = load_models(args) if model is None else (model, None, "floor")
    app = build_app(model, heads, heads_error=why, max_queue=max(128, args.requests))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True,
               share=False, quiet=True, ssr_mode=False, mcp_server=False)
    return app, f"http://127.0.0.1:{port}/"


def add_parser(sub) -> argparse.ArgumentParser:
    """`facevqa demo loadtest` (registered by demo in pyproject's facevqa.commands)."""
    p = sub.add_parser("loadtest", help="loopback load test: concurrent Ask requests",
                       description=__doc__.split("\n")[0])
    add_model_args(p)
    p.add_argument("--url", help="load-test a running demo instead of starting one")
    p.add_argument("--no-classical", action="store_true",
                   help="serve without the classical heads beside the model (as `facevqa demo "
                        "--no-classical`)")
    p.add_argument("--requests", type=int, default=50)
    p.add_argument("--concurrency", type=int, default=50)
    p.add_argument("--timeout", type=float, default=300.0, help="seconds per request at most")
    p.add_argument("--floor", action="store_true",
                   help="also measure the same app over an instantly answering model")
    p.set_defaults(run=run)
    return p


def run(args: argparse.Namespace) -> int:
    from facevqa import ConfigError

    if not 0 < args.requests <= 1000 or not 0 < args.concurrency <= 200:
        raise ConfigError("--requests must be 1-1000 and --concurrency 1-200 (a bounded "
                          "loopback test)")
    if args.url and urlparse(args.url).hostname not in LOOPBACK:
        raise ConfigError("--url must point at this machine (127.0.0.1, localhost or ::1)")
    if args.url and args.floor:
        raise ConfigError("--floor starts its own app: leave out --url")
    models = [None, InstantModel()] if args.floor else [None]
    code = 0
    for model in models:
        if model is not None:
            print("floor: the same app and load over a model that answers instantly")
        app, url = (None, args.url) if args.url else serve(args, model)
        try:
            code |= report(*load_from_own_process(url, args.requests, args.concurrency,
                                                  args.timeout))
        finally:
            if app is not None:
                app.close()
    return code
