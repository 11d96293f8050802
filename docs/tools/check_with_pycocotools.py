#!/usr/bin/env python3
"""Checks a synthscene dataset with pycocotools itself, the reference COCO reader:

- annotations/instances.json loads with pycocotools.coco.COCO;
- every annotation's RLE, decoded by pycocotools (annToMask), is exactly the pixels of its
  instance in masks/instance/NNNNNN.png; its bbox is tight to them and its area is their count;
- COCOeval with the ground truth as its own detections (score 1) gives AP = 1.0 for bbox and segm.

    python docs/tools/check_with_pycocotools.py out/street

Needs pycocotools (PyPI), numpy and OpenCV's Python binding (Debian: python3-numpy,
python3-opencv). Not part of `mvn verify`: the tests do not download anything, and pycocotools
is not packaged for Debian; the Java tests check the same invariants with their own decoder.
"""
import contextlib
import io
import json
import os
import sys

import cv2
import numpy as np
from pycocotools import mask as mask_utils
from pycocotools.coco import COCO
from pycocotools.cocoeval import COCOeval


def check_masks(dataset, coco):
    problems = 0
    for image in coco.loadImgs(coco.getImgIds()):
        stem = os.path.splitext(image["file_name"])[0]
        ids = cv2.imread(os.path.join(dataset, "masks", "instance", stem + ".png"), cv2.IMREAD_UNCHANGED)
        assert ids.dtype == np.uint16, "instance masks must be 16-bit"
        for a in coco.loadAnns(coco.getAnnIds(imgIds=image["id"])):
            expected = ids == a["synthscene"]["instance_id"]
            decoded = coco.annToMask(a).astype(bool)
            ys, xs = np.nonzero(expected)
            tight = [int(xs.min()), int(ys.min()), int(xs.max() - xs.min() + 1), int(ys.max() - ys.min() + 1)]
            checks = {
                "mask": np.array_equal(decoded, expected),
                "bbox": [int(v) for v in a["bbox"]] == tight,
                "area": a["area"] == int(expected.sum()) == int(mask_utils.area(a["segmentation"])),
            }
            for name, ok in checks.items():
                if not ok:
                    problems += 1
                    print(f"image {image['id']} annotation {a['id']}: {name} differs", file=sys.stderr)
    return problems


def self_ap(coco, iou_type):
    detections = [dict(a, score=1.0) for a in coco.dataset["annotations"]]
    with contextlib.redirect_stdout(io.StringIO()):
        evaluation = COCOeval(coco, coco.loadRes(detections), iou_type)
        evaluation.evaluate()
        evaluation.accumulate()
        evaluation.summarize()
    return evaluation.stats[0]


def main():
    dataset = sys.argv[1]
    with contextlib.redirect_stdout(io.StringIO()):
        coco = COCO(os.path.join(dataset, "annotations", "instances.json"))
    annotations = len(coco.dataset["annotations"])
    problems = check_masks(dataset, coco)
    ap_bbox, ap_segm = self_ap(coco, "bbox"), self_ap(coco, "segm")
    print(json.dumps({"images": len(coco.dataset["images"]), "annotations": annotations,
                      "mask_bbox_area_problems": problems, "AP_bbox": ap_bbox, "AP_segm": ap_segm}))
    return 0 if problems == 0 and ap_bbox == 1.0 and ap_segm == 1.0 else 1


if __name__ == "__main__":
    sys.exit(main())
