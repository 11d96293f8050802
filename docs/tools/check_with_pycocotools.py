#!/usr/bin/env python3
"""Checks a synthscene dataset with pycocotools itself, the reference COCO reader:

- annotations/instances.json loads with pycocotools.coco.COCO;
- every annotation's RLE, decoded by pycocotools (annToMask), is exactly the pixels of its
  instance in masks/instance/NNNNNN.png; its bbox is tight to them and its area is their count;
- COCOeval with the ground truth as its own detections (score 1) gives AP = 1.0 for bbox and segm;
- occlusion fields, where present: the amodal mask (decoded by pycocotools) holds the visible one,
  its area is amodal_area and its tight box amodal_bbox, visibility = area / amodal_area
  (in a frame with snow, 0 <= visibility <= area / amodal_area: pixels under opaque flakes count
  as hidden, the mask keeps them),
  0 <= truncation < 1, amodal_bbox_unclipped holds amodal_bbox, and the occluders are other
  instances of the same image.

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


def check_occlusion(dataset, coco):
    problems = 0
    checked = 0
    for image in coco.loadImgs(coco.getImgIds()):
        anns = coco.loadAnns(coco.getAnnIds(imgIds=image["id"]))
        snowy = frame_has_snow(dataset, image)
        instance_ids = {a["synthscene"]["instance_id"] for a in anns}
        for a in anns:
            extra = a["synthscene"]
            if "amodal_segmentation" not in extra:
                continue
            checked += 1
            rle = dict(extra["amodal_segmentation"])
            rle["counts"] = rle["counts"].encode("ascii")
            amodal = mask_utils.decode(rle).astype(bool)
            visible = coco.annToMask(a).astype(bool)
            ys, xs = np.nonzero(amodal)
            tight = [int(xs.min()), int(ys.min()), int(xs.max() - xs.min() + 1), int(ys.max() - ys.min() + 1)]
            ux, uy, uw, uh = extra["amodal_bbox_unclipped"]
            bx, by, bw, bh = extra["amodal_bbox"]
            checks = {
                "amodal holds visible": not np.any(visible & ~amodal),
                "amodal_area": int(amodal.sum()) == extra["amodal_area"] <= extra["amodal_area_unclipped"],
                "amodal_bbox": extra["amodal_bbox"] == tight,
                "visibility": 0 <= extra["visibility"] <= a["area"] / extra["amodal_area"] if snowy
                else 0 < extra["visibility"] <= 1 and extra["visibility"] == a["area"] / extra["amodal_area"],
                "truncation": 0 <= extra["truncation"] < 1,
                "unclipped box": ux <= bx and uy <= by and ux + uw >= bx + bw and uy + uh >= by + bh,
                "occluders": all(o in instance_ids and o != extra["instance_id"] for o in extra["occluders"]),
            }
            for name, ok in checks.items():
                if not ok:
                    problems += 1
                    print(f"image {image['id']} annotation {a['id']}: {name} wrong", file=sys.stderr)
    return checked, problems


def frame_has_snow(dataset, image):
    """Whether the image's frames/NNNNNN.json records snow (flakes lower visibility, not masks)."""
    path = os.path.join(dataset, "frames", os.path.splitext(image["file_name"])[0] + ".json")
    if not os.path.exists(path):
        return False
    with open(path, encoding="utf-8") as f:
        weather = json.load(f).get("weather") or {}
    return (weather.get("snow_intensity") or 0) > 0


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
    occlusion_checked, occlusion_problems = check_occlusion(dataset, coco)
    ap_bbox, ap_segm = self_ap(coco, "bbox"), self_ap(coco, "segm")
    print(json.dumps({"images": len(coco.dataset["images"]), "annotations": annotations,
                      "mask_bbox_area_problems": problems, "occlusion_checked": occlusion_checked,
                      "occlusion_problems": occlusion_problems, "AP_bbox": ap_bbox, "AP_segm": ap_segm}))
    ok = problems == 0 and occlusion_problems == 0 and ap_bbox == 1.0 and ap_segm == 1.0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
