#!/usr/bin/env python3
"""Joins the input photos and their augmented variants into one dataset folder of before/after pairs,
so that 'synthscene preview' draws them side by side with their labels (docs/gallery/README.md).
Usage: augment-pairs.py LABELS.json PHOTOS_DIR AUGMENTED_DIR OUT_DIR"""
import json, shutil, sys
from pathlib import Path

labels, photos, augmented, out = json.load(open(sys.argv[1])), Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4])
after = json.load(open(augmented / "annotations/instances.json"))
(out / "images").mkdir(parents=True)
(out / "annotations").mkdir()
images, annotations = [], []
for source in labels["images"]:
    for variant in [i for i in after["images"] if i["augment"]["source_image_id"] == source["id"]]:
        before = dict(source, id=len(images) + 1, file_name="before-" + source["file_name"])
        shutil.copy(photos / source["file_name"], out / "images" / before["file_name"])
        images.append(before)
        annotations += [dict(a, id=len(annotations) + k + 1, image_id=before["id"])
                        for k, a in enumerate(a for a in labels["annotations"] if a["image_id"] == source["id"])]
        shutil.copy(augmented / "images" / variant["file_name"], out / "images" / variant["file_name"])
        images.append(dict(variant, id=len(images) + 1))
        annotations += [dict(a, id=len(annotations) + k + 1, image_id=images[-1]["id"])
                        for k, a in enumerate(a for a in after["annotations"] if a["image_id"] == variant["id"])]
json.dump(dict(after, images=images, annotations=annotations), open(out / "annotations/instances.json", "w"))
