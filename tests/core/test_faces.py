"""Face detection on real photographs shipped in packages, and cropping."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from facevqa.answer import Face
from facevqa.errors import ConfigError
from facevqa.faces import crop_face, get_detector


def test_finds_the_face_in_real_photos(astronaut, grace_hopper):
    det = get_detector()
    for img, (cx, cy) in [(astronaut, (220, 110)), (grace_hopper, (260, 210))]:
        faces = det.detect(img)
        assert faces, "a face should be found"
        x0, y0, x1, y1 = faces[0].box
        assert x0 < cx < x1 and y0 < cy < y1  # the known face centre is inside the box


def test_no_face_in_a_plain_texture():
    noise = Image.fromarray(np.random.default_rng(0).integers(0, 255, (300, 300, 3), np.uint8))
    assert get_detector().detect(noise) == []


def test_two_faces_side_by_side_largest_first(astronaut):
    face = astronaut.crop((130, 20, 320, 210))
    canvas = Image.new("RGB", (700, 400), (90, 90, 90))
    canvas.paste(face.resize((300, 300)), (20, 50))
    canvas.paste(face.resize((190, 190)), (450, 100))
    faces = get_detector().detect(canvas)
    assert len(faces) >= 2
    assert faces[0].box[0] < 350  # the bigger, left face comes first


def test_crop_is_square_and_clipped():
    img = Image.new("RGB", (100, 80))
    crop = crop_face(img, Face((10, 10, 50, 50)), margin=0.25)
    assert crop.size == (60, 60)
    edge = crop_face(img, Face((0, 0, 40, 40)), margin=0.5)
    assert edge.size == (60, 60)  # clipped at the image border


def test_unknown_detector_lists_choices():
    with pytest.raises(ConfigError, match="haar"):
        get_detector("nope")
