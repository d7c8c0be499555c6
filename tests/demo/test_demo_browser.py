"""The real demo in headless Chromium: ask, batch with a corrupt file, refusal, Model tab.

Screenshots go to $FACEVQA_ARTIFACTS/demo (default test-artifacts/demo); with
FACEVQA_UPDATE_DOCS=1 the per-tab screenshots are also written to docs/demo_*.png.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.browser

AGE_GROUPS = ("0-2", "3-9", "10-19", "20-29", "30-39", "40-49", "50-59", "60-69", "70+")
TIMEOUT = 30


def _by():
    from selenium.webdriver.common.by import By

    return By


def wait_for(driver, condition, timeout: float = TIMEOUT, what: str = "condition"):
    """Poll `condition(driver)` until it returns something truthy."""
    from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
    from selenium.webdriver.support.ui import WebDriverWait

    def safe(d):
        try:
            return condition(d)
        except (StaleElementReferenceException, WebDriverException):
            return False

    try:
        return WebDriverWait(driver, timeout, poll_frequency=0.1).until(safe)
    except Exception as e:  # TimeoutException: add what we waited for
        raise AssertionError(f"timed out after {timeout}s waiting for {what}") from e


def css(driver, selector: str):
    return driver.find_element(_by().CSS_SELECTOR, selector)


def css_all(driver, selector: str):
    return driver.find_elements(_by().CSS_SELECTOR, selector)


def text_of(driver, elem_id: str) -> str:
    return css(driver, f"#{elem_id}").text


def value_of(driver, elem_id: str) -> str:
    return css(driver, f"#{elem_id} textarea, #{elem_id} input").get_attribute("value") or ""


def type_into(driver, elem_id: str, text: str) -> None:
    box = css(driver, f"#{elem_id} textarea, #{elem_id} input")
    box.clear()
    box.send_keys(text)


def uploaded_names(driver, elem_id: str) -> list[str]:
    """File names listed by a gr.File component."""
    return [c.get_attribute("aria-label") for c in css_all(driver, f"#{elem_id} td.filename")]


def table_rows(driver, elem_id: str) -> list[list[str]]:
    """Cell texts of a gr.Dataframe, row by row (its visible, virtualised rows)."""
    rows = css_all(driver, f"#{elem_id} [role=row][data-index]")
    return [[c.text for c in r.find_elements(_by().CSS_SELECTOR, "[role=gridcell]")]
            for r in rows]


def open_app(driver, url: str) -> None:
    driver.set_window_size(1280, 1400)
    driver.get(url)
    wait_for(driver, lambda d: css(d, "#ask-image input[type=file]"), what="the app to load")


def open_tab(driver, name: str) -> None:
    tab = wait_for(driver, lambda d: next(b for b in css_all(d, "button[role=tab]")
                                          if b.text.strip() == name), what=f"tab {name}")
    tab.click()
    wait_for(driver, lambda d: css(d, f"#tab-{name.lower()}").is_displayed(), what=f"{name} tab")


def ask(driver, question: str, until) -> None:
    type_into(driver, "ask-question", question)
    css(driver, "#ask-button").click()
    wait_for(driver, until, what=f"the answer to {question!r}")


def snap(driver, artifacts_dir, name: str) -> None:
    """Full-page screenshot into the artifacts folder (and docs/ with FACEVQA_UPDATE_DOCS=1)."""
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1280, min(max(height, 800), 3000))
    time.sleep(0.3)
    path = artifacts_dir / f"demo_{name}.png"
    driver.save_screenshot(str(path))
    if os.environ.get("FACEVQA_UPDATE_DOCS") == "1":
        from PIL import Image

        with Image.open(path) as img:  # palette PNG keeps the committed file small
            img.convert("RGB").quantize(256).save(REPO / "docs" / f"demo_{name}.png",
                                                  optimize=True)


def test_ask_age(browser, served_demo, photo_files, artifacts_dir):
    open_app(browser, served_demo)
    css(browser, "#ask-image input[type=file]").send_keys(str(photo_files["astronaut"]))
    wait_for(browser, lambda d: css(d, "#ask-image img"), what="the upload preview")
    ask(browser, "How old is this person?", lambda d: value_of(d, "ask-routed"))
    assert value_of(browser, "ask-routed") == "age"
    answer = text_of(browser, "ask-answer")
    assert "years old" in answer and ("Answer" in answer or "Not sure" in answer)
    probs = text_of(browser, "ask-probs")
    assert sum(g in probs for g in AGE_GROUPS) >= 2 and "%" in probs
    assert css(browser, "#ask-face img").get_attribute("src")
    heads = wait_for(browser, lambda d: text_of(d, "heads-answer"), what="the classical answer")
    assert "not loaded" not in heads
    snap(browser, artifacts_dir, "ask")


def test_refused_question_shows_reason(browser, served_demo, photo_files, artifacts_dir):
    open_app(browser, served_demo)
    css(browser, "#ask-image input[type=file]").send_keys(str(photo_files["grace_hopper"]))
    wait_for(browser, lambda d: css(d, "#ask-image img"), what="the upload preview")
    ask(browser, "who is this person?", lambda d: "Refused" in text_of(d, "ask-answer"))
    answer = text_of(browser, "ask-answer")
    assert "does not identify people" in answer
    assert value_of(browser, "ask-routed") == "-"
    browser.save_screenshot(str(artifacts_dir / "refused.png"))


def test_batch_with_a_corrupt_file(browser, served_demo, photo_files, artifacts_dir):
    open_app(browser, served_demo)
    open_tab(browser, "Batch")
    paths = [photo_files[n] for n in ("astronaut", "corrupt", "grace_hopper")]
    css(browser, "#batch-files input[type=file]").send_keys("\n".join(str(p) for p in paths))
    wait_for(browser, lambda d: uploaded_names(d, "batch-files") == [p.name for p in paths],
             what="three uploaded files")
    type_into(browser, "batch-question", "What emotion is shown?")
    css(browser, "#batch-button").click()
    wait_for(browser, lambda d: "3 images" in text_of(d, "batch-summary"), what="batch results")
    rows = table_rows(browser, "batch-table")
    assert [r[0] for r in rows] == ["astronaut.jpg", "corrupt.jpg", "grace_hopper.jpg"]
    assert rows[1][1] == "error" and "truncated" in rows[1][-1], rows
    for answered in (rows[0], rows[2]):  # the tiny random model may abstain: still an answer
        assert answered[1] in ("ok", "abstain") and answered[2] == "emotion" and answered[3]
    css(browser, "#batch-csv").click()
    csv_file = browser.downloads / "results.csv"
    wait_for(browser, lambda d: csv_file.exists(), what="the CSV download")
    lines = csv_file.read_text().strip().splitlines()
    assert lines[0].startswith("file,status") and len(lines) == 4
    snap(browser, artifacts_dir, "batch")


def test_model_tab(browser, served_demo, artifacts_dir):
    open_app(browser, served_demo)
    open_tab(browser, "Model")
    info = text_of(browser, "model-info")
    assert "Base model" in info and "paligemma" in info and "Classical heads" in info
    assert "tasks: emotion" in info and "contempt" in info and "temperature 1.3" in info
    assert "Tiny demo bundle" in info  # the model card
    snap(browser, artifacts_dir, "model")
