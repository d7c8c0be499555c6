"""Source adapters on tiny fixtures written in each data set's public format."""

from __future__ import annotations

import hashlib
import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from data_fixtures import write_image

from facevqa.data.rows import Skips
from facevqa.data.sources import get_source, source_names
from facevqa.errors import ConfigError


def read(name, root, **options):
    skips = Skips()
    rows = list(get_source(name)(root, skips=skips, **options))
    return rows, skips.summary().counts


# --- registry ----------------------------------------------------------------------------------
def test_registry_lists_names_for_unknown_source():
    with pytest.raises(ConfigError, match="valid: facecaption, uniface, fairface"):
        get_source("imagenet")


def test_registry_aliases():
    # hyphen, superscript and dataset spellings map to the same adapter
    assert get_source("CelebA-Spoof") is get_source("celeba_spoof")
    assert get_source("UniF²ace") is get_source("uniface")
    assert set(source_names()) >= {"fairface", "utkface", "affectnet", "rafdb", "celeba"}


# --- FaceCaption-15M ---------------------------------------------------------------------------
def _facecaption(tmp_path, n=30):
    urls = [f"https://cdn.example.com/photos/{i}/face_{i}.jpg" for i in range(n)]
    table = pa.table({
        "url": urls,
        "face_bbox": [[10.0 + i, 12.0, 80.0, 95.5] for i in range(n)],
        "face_caption": [[f"A smiling woman number {i}."] for i in range(n)],
        "laion_caption": [f"photo {i}" for i in range(n)],
    })
    pq.write_table(table, tmp_path / "FaceCaption-v2.parquet", row_group_size=7)
    images = tmp_path / "images"
    for i, url in enumerate(urls):
        if i % 10 == 3:
            continue  # missing image
        name = f"face_{i}.jpg" if i % 2 else f"{hashlib.sha1(url.encode()).hexdigest()}.jpg"
        write_image(images / name)
    return tmp_path / "FaceCaption-v2.parquet", images


def test_facecaption_streams_and_counts_missing_images(tmp_path):
    parquet, images = _facecaption(tmp_path)
    rows, skipped = read("facecaption", parquet, image_root=images, batch_size=4)
    assert len(rows) == 27 and skipped == {"missing_image": 3}
    assert rows[0]["caption"] == "A smiling woman number 0." and rows[0]["face_box"] == (
        10, 12, 80, 96)
    assert all(r["source"] == "facecaption" and r["image"].endswith(".jpg") for r in rows)


def test_facecaption_without_images_for_streaming(tmp_path):
    parquet, _ = _facecaption(tmp_path)
    rows, skipped = read("facecaption", tmp_path, require_images=False)
    assert len(rows) == 30 and not skipped


# --- UniF2ace ----------------------------------------------------------------------------------
def test_uniface_captions_and_vqa(tmp_path):
    write_image(tmp_path / "imgs" / "a.jpg")
    write_image(tmp_path / "imgs" / "b.jpg")
    records = [
        {"id": "a", "image": "imgs/a.jpg", "caption": "A man with thick eyebrows.",
         "vqa": [{"question": "What shape are his eyebrows?", "answer": "Thick and straight."}]},
        {"id": "b", "image": "imgs/b.jpg", "conversations": [
            {"from": "human", "value": "<image>\nIs the nose long?"},
            {"from": "gpt", "value": "Yes, fairly long."}]},
        {"id": "c", "image": "imgs/missing.jpg", "caption": "Nobody."},
        {"id": "d", "image": "imgs/a.jpg"},
    ]
    (tmp_path / "train.jsonl").write_text("\n".join(json.dumps(r) for r in records))
    rows, skipped = read("uniface", tmp_path)
    assert [r["id"] for r in rows] == ["uniface-a", "uniface-b"]
    assert rows[0]["qa"] == [("What shape are his eyebrows?", "Thick and straight.")]
    assert rows[1]["qa"] == [("Is the nose long?", "Yes, fairly long.")]
    assert skipped == {"missing_image": 1, "unknown_label": 1}


# --- FairFace ----------------------------------------------------------------------------------
def test_fairface_csv(tmp_path):
    lines = ["file,age,gender,race,service_test",
             "train/1.jpg,50-59,Male,East Asian,True",
             "train/2.jpg,more than 70,Female,Latino_Hispanic,False",
             "train/3.jpg,3-9,Unknown,Black,False",
             "train/4.jpg,20-29,Female,White,True"]
    (tmp_path / "fairface_label_train.csv").write_text("\n".join(lines) + "\n")
    val = lines[0] + "\nval/1.jpg,0-2,Male,Indian,True\n"
    (tmp_path / "fairface_label_val.csv").write_text(val)
    for name in ("train/1.jpg", "train/2.jpg", "train/3.jpg", "val/1.jpg"):
        write_image(tmp_path / "fairface-img-margin025-trainval" / name)
    rows, skipped = read("fairface", tmp_path)
    by_id = {r["id"]: r for r in rows}
    assert by_id["fairface-train/1.jpg"]["age_group"] == "50-59"
    assert by_id["fairface-train/2.jpg"]["age_group"] == "70+"
    assert by_id["fairface-train/2.jpg"]["race"] == "latino_hispanic"
    assert by_id["fairface-val/1.jpg"]["split"] == "validation"
    assert skipped == {"unknown_label": 1, "missing_image": 1}
    assert len(read("fairface", tmp_path, split="validation")[0]) == 1


def _hf_parquet(path, names, labels):
    import io

    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 10, 10)).save(buf, "PNG")
    features = {"image": {"_type": "Image"}, "service_test": {"dtype": "bool", "_type": "Value"},
                **{c: {"names": n, "_type": "ClassLabel"} for c, n in names.items()}}
    table = pa.table({"image": [{"bytes": buf.getvalue(), "path": f"{i}.png"}
                                for i in range(len(labels))],
                      **{c: [lab[c] for lab in labels] for c in names},
                      "service_test": [True] * len(labels)})
    meta = {b"huggingface": json.dumps({"info": {"features": features}}).encode()}
    pq.write_table(table.replace_schema_metadata(meta), path)


def test_fairface_hf_mirrors_map_ids_by_name(tmp_path):
    # two mirrors order the classes differently; the same people must come out the same
    ages = ["0-2", "3-9", "10-19", "20-29", "30-39", "40-49", "50-59", "60-69", "more than 70"]
    a = {"age": ages, "gender": ["Male", "Female"], "race": ["White", "Black", "Indian"]}
    b = {"age": ages[::-1], "gender": ["Female", "Male"], "race": ["Indian", "Black", "White"]}
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    _hf_parquet(tmp_path / "a" / "train-00000.parquet", a,
                [{"age": 8, "gender": 1, "race": 2}, {"age": 3, "gender": 0, "race": 0}])
    _hf_parquet(tmp_path / "b" / "train-00000.parquet", b,
                [{"age": 0, "gender": 0, "race": 0}, {"age": 5, "gender": 1, "race": 2}])
    for mirror in ("a", "b"):
        rows, _ = read("fairface", tmp_path / mirror)
        got = [(r["age_group"], r["gender"], r["race"]) for r in rows]
        assert got == [("70+", "female", "indian"), ("20-29", "male", "white")], mirror
        assert rows[0]["image"].size == (8, 8) and rows[0]["split"] == "train"


def test_fairface_hf_without_names_asks_for_them(tmp_path):
    table = pa.table({"image": [{"bytes": b"x", "path": "1.png"}], "age": [1], "gender": [0],
                      "race": [0]})
    pq.write_table(table, tmp_path / "train.parquet")
    with pytest.raises(ConfigError, match="label_names"):
        read("fairface", tmp_path)


# --- UTKFace -----------------------------------------------------------------------------------
def test_utkface_file_names(tmp_path):
    for name in ("26_0_2_20170104023102422.jpg.chip.jpg", "3_1_0_20170109190800000.jpg",
                 "61_1_20170109142408075.jpg.chip.jpg", "notes.txt"):
        (write_image(tmp_path / "UTKFace" / name) if name.endswith(".jpg")
         else (tmp_path / "UTKFace" / name).write_text("x"))
    rows, skipped = read("utkface", tmp_path)
    got = {r["id"]: (r["age"], r["age_group"], r["gender"], r["race"]) for r in rows}
    assert got == {"utkface-26_0_2_20170104023102422.jpg.chip.jpg": (26, "20-29", "male", "asian"),
                   "utkface-3_1_0_20170109190800000.jpg": (3, "3-9", "female", "white")}
    assert skipped == {"unknown_label": 1}


# --- AffectNet ---------------------------------------------------------------------------------
def test_affectnet_official_csv(tmp_path):
    header = ("subDirectory_filePath,face_x,face_y,face_width,face_height,facial_landmarks,"
              "expression,valence,arousal")
    rows_txt = ['689/a.jpg,10,12,100,110,"1;2;3",1,0.7,0.2',
                '689/b.jpg,5,5,50,50,"1;2",7,-0.5,0.3',
                '12/c.jpg,0,0,10,10,"",8,0,0',
                '12/d.jpg,0,0,10,10,"",6,-0.7,0.8']
    (tmp_path / "training.csv").write_text(header + "\n" + "\n".join(rows_txt) + "\n")
    for name in ("689/a.jpg", "689/b.jpg", "12/c.jpg"):
        write_image(tmp_path / "Manually_Annotated_Images" / name)
    rows, skipped = read("affectnet", tmp_path)
    assert [(r["id"], r["emotion"]) for r in rows] == [("affectnet-689/a.jpg", "happy"),
                                                       ("affectnet-689/b.jpg", "contempt")]
    assert rows[0]["face_box"] == (10, 12, 110, 122)
    assert skipped == {"unknown_label": 1, "missing_image": 1}


def test_affectnet_class_folders(tmp_path):
    write_image(tmp_path / "train" / "Anger" / "1.jpg")
    write_image(tmp_path / "train" / "7" / "2.jpg")
    write_image(tmp_path / "val" / "happy" / "3.png")
    write_image(tmp_path / "val" / "bored" / "4.jpg")
    rows, skipped = read("affectnet", tmp_path)
    got = sorted((r["split"], r["emotion"]) for r in rows)
    assert got == [("train", "anger"), ("train", "contempt"), ("validation", "happy")]
    assert skipped == {"unknown_label": 1}


# --- RAF-DB ------------------------------------------------------------------------------------
def test_rafdb_label_file_ids_1_to_7(tmp_path):
    labels = "train_00001.jpg 5\ntrain_00002.jpg 1\ntest_0001.jpg 7\ntest_0002.jpg 9\n"
    (tmp_path / "basic" / "EmoLabel").mkdir(parents=True)
    (tmp_path / "basic" / "EmoLabel" / "list_patition_label.txt").write_text(labels)
    for stem in ("train_00001", "train_00002", "test_0001"):
        write_image(tmp_path / "basic" / "Image" / "aligned" / f"{stem}_aligned.jpg")
    rows, skipped = read("rafdb", tmp_path / "basic")
    got = [(r["id"], r["emotion"], r["split"]) for r in rows]
    assert got == [("rafdb-train_00001.jpg", "sad", "train"),
                   ("rafdb-train_00002.jpg", "surprise", "train"),
                   ("rafdb-test_0001.jpg", "neutral", "test")]
    assert skipped == {"unknown_label": 1}


def test_rafdb_class_folders(tmp_path):
    write_image(tmp_path / "DATASET" / "train" / "4" / "a.jpg")
    write_image(tmp_path / "DATASET" / "test" / "6" / "b.jpg")
    rows, _ = read("rafdb", tmp_path)
    assert sorted((r["split"], r["emotion"]) for r in rows) == [("test", "anger"),
                                                                ("train", "happy")]


# --- CelebA ------------------------------------------------------------------------------------
CELEBA_NAMES = ("5_o_Clock_Shadow Arched_Eyebrows Attractive Bags_Under_Eyes Bald Bangs Big_Lips "
                "Big_Nose Black_Hair Blond_Hair Blurry Brown_Hair Bushy_Eyebrows Chubby "
                "Double_Chin Eyeglasses Goatee Gray_Hair Heavy_Makeup High_Cheekbones Male "
                "Mouth_Slightly_Open Mustache Narrow_Eyes No_Beard Oval_Face Pale_Skin "
                "Pointy_Nose Receding_Hairline Rosy_Cheeks Sideburns Smiling Straight_Hair "
                "Wavy_Hair Wearing_Earrings Wearing_Hat Wearing_Lipstick Wearing_Necklace "
                "Wearing_Necktie Young").split()


def _flags(on):
    return "  ".join("1" if n in on else "-1" for n in CELEBA_NAMES)


def test_celeba_attributes_and_partition(tmp_path):
    (tmp_path / "Anno").mkdir()
    lines = ["3", " ".join(CELEBA_NAMES),
             f"000001.jpg  {_flags({'Male', 'Eyeglasses', 'Black_Hair', 'No_Beard'})}",
             f"000002.jpg {_flags({'Smiling', 'Blond_Hair', 'Brown_Hair'})}",
             "000003.jpg 1 -1 1"]
    (tmp_path / "Anno" / "list_attr_celeba.txt").write_text("\n".join(lines) + "\n")
    (tmp_path / "list_eval_partition.txt").write_text("000001.jpg 0\n000002.jpg 2\n")
    for name in ("000001.jpg", "000002.jpg", "000003.jpg"):
        write_image(tmp_path / "img_align_celeba" / name)
    rows, skipped = read("celeba", tmp_path)
    first, second = rows
    assert first["gender"] == "male" and first["split"] == "train"
    assert first["attributes"]["eyeglasses"] is True and first["attributes"]["beard"] is False
    assert first["attributes"]["hair_color"] == "black" and "male" not in first["attributes"]
    assert second["gender"] == "female" and second["split"] == "test"
    assert second["attributes"]["hair_color"] is None  # two hair colours set: ambiguous
    assert skipped == {"unknown_label": 1}
    assert [r["id"] for r in read("celeba", tmp_path, split="test")[0]] == ["celeba-000002.jpg"]


def test_celeba_images_kept_apart_from_annotations(tmp_path):
    # karthikSingireddy/cs389-hw4 keeps images in celebA/, the attribute list comes from
    # another copy: --image-root points at the images
    (tmp_path / "attr").mkdir()
    lines = ["2", " ".join(CELEBA_NAMES), f"000001.jpg {_flags({'Smiling'})}",
             f"000002.jpg {_flags({'Male'})}"]
    (tmp_path / "attr" / "list_attr_celeba.txt").write_text("\n".join(lines) + "\n")
    write_image(tmp_path / "photos" / "celebA" / "000002.jpg")
    rows, skipped = read("celeba", tmp_path / "attr", image_root=tmp_path / "photos" / "celebA")
    assert [(r["id"], r["gender"]) for r in rows] == [("celeba-000002.jpg", "male")]
    assert skipped == {"missing_image": 1}


# --- anti-spoofing class folders ---------------------------------------------------------------
def test_spoof_folders_map_class_names_to_attacks(tmp_path):
    for folder, name in (("live", "a.jpg"), ("fake", "b.jpg"), ("test/Print", "c.png"),
                         ("test/replay", "d.jpg"), ("test/real", "e.jpg"), ("selfies", "f.jpg")):
        write_image(tmp_path / folder / name)
    rows, skipped = read("spoof_folders", tmp_path)
    got = sorted((r["split"] or "-", r["spoof"]) for r in rows)
    assert got == [("-", "other"), ("-", "real"), ("test", "print"), ("test", "real"),
                   ("test", "replay")]
    assert all(r["emotion"] is None and r["age"] is None for r in rows)
    assert skipped == {"unknown_label": 1}


# --- CelebA-Spoof ------------------------------------------------------------------------------
def test_celeba_spoof_json_labels(tmp_path):
    def label(kind, live):
        return [0] * 20 + [1] + [0] * 19 + [kind, 1, 2, live]

    labels = {"Data/train/10/live/000001.jpg": label(0, 0),
              "Data/train/10/spoof/000002.jpg": label(8, 1),
              "Data/train/10/spoof/000003.jpg": label(3, 1),
              "Data/train/10/spoof/000004.jpg": label(42, 1),
              "Data/train/10/spoof/000005.jpg": label(10, 1)}
    (tmp_path / "metas" / "intra_test").mkdir(parents=True)
    (tmp_path / "metas" / "intra_test" / "train_label.json").write_text(json.dumps(labels))
    for rel in list(labels)[:4]:
        write_image(tmp_path / rel)
    rows, skipped = read("celeba_spoof", tmp_path)
    got = [(r["spoof"], r["gender"]) for r in rows]
    assert got == [("real", "male"), ("replay", "male"), ("print", "male")]
    assert rows[1]["explanation"] == ("The face is shown on a tablet screen, so this is a replay "
                                      "of a display.")
    assert rows[1]["cues"] == ["tablet screen"] and rows[0]["explanation"] is None
    assert skipped == {"unknown_label": 1, "missing_image": 1}
