"""The demo's Gradio Blocks app: Ask, Batch and Model tabs over one loaded FaceVQA.

    from demo.app import build_app
    app = build_app(FaceVQA.from_pretrained(), heads=None)
    app.launch(server_name="127.0.0.1")  # or gr.mount_gradio_app(fastapi_app, app, "/")
"""

from __future__ import annotations

import logging
from typing import Any

import gradio as gr

from demo.batch import COLUMNS, Limits
from demo.handlers import AUTO, EXAMPLE_QUESTIONS, Handlers, remove_folder
from demo.modelinfo import EMBEDDED_BANNER, model_markdown, uses_embedded_default
from facevqa import TASKS
from facevqa.examples import available_examples

log = logging.getLogger(__name__)

CACHE_SWEEP = (60, 300)
"""gradio delete_cache: every 60 s, delete cached uploads and renderings older than 300 s."""
TITLE = "FaceVQA"
INTRO = ("Ask a question about a face photo. FaceVQA finds the face, routes the question to a "
         "task (age, emotion, attribute, perceived gender, spoof check, caption or an open "
         "question) and answers with a vision-language model. It does not identify people or "
         "infer sensitive traits. Photos are processed in memory and not kept.")


def build_app(vqa: Any, heads: Any = None, *, limits: Limits | None = None,
              heads_error: str | None = None, concurrency: int = 1, max_queue: int = 128,
              max_batch: int = 8, cache_sweep: tuple[int, int] = CACHE_SWEEP) -> gr.Blocks:
    """The demo app for a loaded model; `heads` (classical heads) adds the side-by-side view.

    Requests wait in Gradio's queue (at most `max_queue`); `concurrency` events run at once and
    concurrent Ask requests are answered together, up to `max_batch` per forward pass.
    """
    handlers = Handlers(vqa, heads, limits, heads_error=heads_error)
    handlers.warm_up()
    warm_up_gradio()
    queued = {"concurrency_limit": concurrency, "concurrency_id": "model"}
    with gr.Blocks(title=TITLE, analytics_enabled=False, delete_cache=cache_sweep) as app:
        gr.Markdown(f"# {TITLE}\n{INTRO}")
        if uses_embedded_default(vqa):
            gr.Markdown(f"> {EMBEDDED_BANNER}", elem_id="embedded-banner")
        with gr.Tabs():
            with gr.Tab("Ask", id="ask", elem_id="tab-ask"):
                _ask_tab(handlers, queued, max_batch)
            with gr.Tab("Batch", id="batch", elem_id="tab-batch"):
                _batch_tab(handlers, queued)
            with gr.Tab("Model", id="model", elem_id="tab-model"):
                gr.Markdown(model_markdown(vqa, heads, heads_error), elem_id="model-info")
    app.queue(default_concurrency_limit=concurrency, max_size=max_queue)
    return app


def warm_up_gradio() -> None:
    """Import what gradio would import on the first request: it runs every event inside a
    matplotlib backend guard whose matplotlib.get_backend() imports matplotlib.pyplot (0.4-0.6 s
    alone, seconds under load) on the server's event loop, so every upload waits while it does.
    """
    try:
        import matplotlib
    except ImportError:
        return
    matplotlib.get_backend()


def _task_dropdown(elem_id: str) -> gr.Dropdown:
    choices = [(AUTO, AUTO), *((spec.title, name) for name, spec in TASKS.items())]
    return gr.Dropdown(choices, value=AUTO, label="Task (auto = let the router choose)",
                       elem_id=elem_id)


def _ask_tab(handlers: Handlers, queued: dict, max_batch: int) -> None:
    """Photo + question in; answer, probabilities, face box and classical heads beside it."""
    with gr.Row(equal_height=False):
        with gr.Column(scale=1):
            image = gr.Image(sources=["upload", "webcam", "clipboard"], type="filepath",
                             label="Photo (upload, webcam or paste)", elem_id="ask-image",
                             height=320)
            question = gr.Textbox(label="Question", placeholder="How old is this person?",
                                  elem_id="ask-question")
            task = _task_dropdown("ask-task")
            button = gr.Button("Ask", variant="primary", elem_id="ask-button")
            _examples(image, question)
        with gr.Column(scale=1):
            face = gr.Image(label="Detected face", type="pil", interactive=False,
                            elem_id="ask-face", height=320, format="jpeg")
            with gr.Row(equal_height=False):
                with gr.Column(min_width=240):
                    gr.Markdown("#### Vision-language model")
                    answer = gr.Markdown(elem_id="ask-answer")
                    routed = gr.Textbox(label="Routed task", interactive=False,
                                        elem_id="ask-routed")
                    probs = gr.Label(label="Probabilities", num_top_classes=6,
                                     elem_id="ask-probs")
                    spoof = gr.Markdown(elem_id="ask-spoof")
                with gr.Column(min_width=240):
                    gr.Markdown("#### Classical heads (side by side)")
                    heads_answer = gr.Markdown(elem_id="heads-answer")
                    heads_probs = gr.Label(label="Classical probabilities", num_top_classes=6,
                                           elem_id="heads-probs")
            with gr.Accordion("Details: exact prompt, raw model text", open=False):
                details = gr.JSON(elem_id="ask-details")
    outputs = [face, answer, routed, probs, spoof, heads_answer, heads_probs, details]

    def ask(imgs, qs, ts):  # batched: one list per input in, one list per output out
        results = handlers.ask_many(imgs, qs, ts)
        return [list(column) for column in zip(*(r.values() for r in results))]

    gr.on([button.click, question.submit], ask, [image, question, task], outputs,
          api_name="ask", batch=True, max_batch_size=max_batch, **queued)


def _examples(image: gr.Image, question: gr.Textbox) -> None:
    """Example questions for every task and the example photos that ship with the packages."""
    gr.Examples([[q] for q, _ in EXAMPLE_QUESTIONS], inputs=[question],
                label="Example questions (age, emotion, attribute, gender, spoof, caption, open)",
                examples_per_page=len(EXAMPLE_QUESTIONS))
    photos = available_examples()
    if photos:
        gr.Examples([[str(p)] for p in photos.values()], inputs=[image],
                    label=f"Example photos ({', '.join(photos)})")


def _batch_tab(handlers: Handlers, queued: dict) -> None:
    """Several images (or a zip) x one question -> a table, CSV and JSON."""
    with gr.Row():
        with gr.Column():
            files = gr.File(file_count="multiple", type="filepath", elem_id="batch-files",
                            label="Images or a .zip of images")
        with gr.Column():
            question = gr.Textbox(label="Question for every image", elem_id="batch-question",
                                  placeholder="What emotion is shown?")
            task = _task_dropdown("batch-task")
            button = gr.Button("Answer all", variant="primary", elem_id="batch-button")
    summary = gr.Markdown(elem_id="batch-summary")
    results = gr.Dataframe(headers=list(COLUMNS), value=None, interactive=False, wrap=True,
                           label="Results (one row per image)", elem_id="batch-table")
    with gr.Row():
        csv_button = gr.DownloadButton("Download CSV", interactive=False, elem_id="batch-csv")
        json_button = gr.DownloadButton("Download JSON", interactive=False, elem_id="batch-json")
    folder = gr.State(None)

    def run(f, q, t):
        r = handlers.run_batch(f, q, t)
        return (r.rows or None, r.summary,
                gr.update(value=r.csv_path, interactive=r.csv_path is not None),
                gr.update(value=r.json_path, interactive=r.json_path is not None), r.folder)

    button.click(run, [files, question, task],
                 [results, summary, csv_button, json_button, folder], api_name="batch",
                 **queued).then(remove_folder, [folder], None, queue=False)
