"""`facevqa demo`: serve the Gradio demo (Ask, Batch, Model tabs) on 127.0.0.1 by default."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import threading

from facevqa.ask import add_model_args, load_model

log = logging.getLogger(__name__)


def add_parser(sub) -> argparse.ArgumentParser:
    """Register `facevqa demo` on the CLI's subparsers."""
    p = sub.add_parser("demo", help="serve the Gradio demo in a browser",
                       description=__doc__.splitlines()[0])
    add_model_args(p)
    p.add_argument("--host", default="127.0.0.1",
                   help="address to bind (default 127.0.0.1; 0.0.0.0 exposes it to the network)")
    p.add_argument("--port", type=int, default=7860)
    p.add_argument("--no-classical", action="store_true",
                   help="skip the classical heads (no side-by-side answers)")
    p.add_argument("--concurrency", type=int, default=1,
                   help="requests answered at once (the model serialises them anyway)")
    p.add_argument("--max-queue", type=int, default=128, help="most requests waiting in line")
    p.add_argument("--max-batch", type=int, default=8,
                   help="concurrent Ask requests answered in one forward pass")
    p.add_argument("--max-mb", type=float, default=20.0, help="largest image upload in MB")
    p.add_argument("--max-megapixels", type=float, default=25.0, help="largest image, megapixels")
    p.add_argument("--max-images", type=int, default=64, help="most images in one batch")
    p.set_defaults(run=run)
    return p


def load_models(args: argparse.Namespace):
    """(model, classical heads or None, why there are none): the heads answer beside the model
    and share its face detector, which remembers its answers, so each photo is searched once."""
    vqa = load_model(args)
    if args.no_classical:
        return vqa, None, "disabled with --no-classical"
    if args.heads == "classical" or args.model == "classical":
        return vqa, None, "the main model already is the classical heads"
    from facevqa import FaceVQA, FaceVQAError, RememberingDetector

    vqa.detector = RememberingDetector(vqa.detector)
    try:
        heads = FaceVQA.from_pretrained("classical", device=args.device, detector=vqa.detector)
    except (FaceVQAError, ImportError, OSError, RuntimeError, ValueError) as e:
        log.warning("classical heads unavailable: %s", e)
        return vqa, None, f"could not load them: {e}"
    return vqa, heads, None


def run(args: argparse.Namespace) -> int:
    """Load the model (and heads), build the app and serve it until interrupted."""
    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"  # before gradio is first imported
    from demo.app import build_app
    from demo.batch import Limits

    vqa, heads, heads_error = load_models(args)
    mb = 1024 * 1024
    limits = Limits(max_bytes=int(args.max_mb * mb), max_pixels=int(args.max_megapixels * 1e6),
                    max_images=args.max_images)
    app = build_app(vqa, heads, limits=limits, heads_error=heads_error,
                    concurrency=args.concurrency, max_queue=args.max_queue,
                    max_batch=args.max_batch)
    app.launch(server_name=args.host, server_port=args.port, share=False, inbrowser=False,
               max_file_size=max(limits.max_bytes, limits.max_zip_bytes), ssr_mode=False,
               mcp_server=False, show_error=False, quiet=True, prevent_thread_lock=True)
    print(f"FaceVQA demo on http://{args.host}:{args.port}  (Ctrl+C to stop)")
    serve_until_stopped(app)
    return 0


def serve_until_stopped(app) -> None:
    """Wait for Ctrl+C or SIGTERM, then close the server so gradio deletes its cached files."""
    stop = threading.Event()
    previous = signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        app.close()
        print("FaceVQA demo stopped; cached uploads deleted")
