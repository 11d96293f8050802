#!/usr/bin/python3
"""Contact sheet of a synthscene dataset, for the docs: each frame shown twice, side by side,
as rendered and with its instance masks tinted and its COCO boxes and category names drawn.

Boxes come from annotations/instances.json, masks from masks/instance/*.png (16-bit ids), so
a box that does not hug its tinted mask would show at a glance.

    /usr/bin/python3 docs/tools/contact_sheet.py out/street docs/contact-sheet-urban-street.png --frames 4

Needs python3-opencv and python3-numpy (Debian packages).
"""
import argparse
import json
import os

import cv2
import numpy as np


def colour(instance_id):
    # A fixed, well-spread colour per instance id (golden-ratio hue steps), as BGR.
    hue = int((instance_id * 0.618033988749895 % 1.0) * 179)
    hsv = np.uint8([[[hue, 200, 255]]])
    return tuple(int(c) for c in cv2.cvtColor(hsv, cv2.COLOR_HSV2BGR)[0, 0])


def overlay(dataset, image, annotations, names):
    picture = cv2.imread(os.path.join(dataset, "images", image["file_name"]), cv2.IMREAD_COLOR)
    stem = os.path.splitext(image["file_name"])[0]
    ids = cv2.imread(os.path.join(dataset, "masks", "instance", stem + ".png"), cv2.IMREAD_UNCHANGED)
    tinted = picture.copy()
    for a in annotations:
        instance = a["synthscene"]["instance_id"]
        tinted[ids == instance] = colour(instance)
    marked = cv2.addWeighted(picture, 0.45, tinted, 0.55, 0)
    for a in annotations:
        x, y, w, h = (int(v) for v in a["bbox"])
        c = colour(a["synthscene"]["instance_id"])
        # COCO boxes are [x, y, w, h] with w = xmax - xmin + 1: the last covered pixel is x + w - 1.
        cv2.rectangle(marked, (x, y), (x + w - 1, y + h - 1), c, 1)
        cv2.putText(marked, names[a["category_id"]], (x, max(10, y - 3)), cv2.FONT_HERSHEY_SIMPLEX,
                    0.35, c, 1, cv2.LINE_AA)
    return np.hstack([picture, marked])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset")
    parser.add_argument("out")
    parser.add_argument("--frames", type=int, default=4)
    args = parser.parse_args()

    with open(os.path.join(args.dataset, "annotations", "instances.json")) as f:
        coco = json.load(f)
    names = {c["id"]: c["name"] for c in coco["categories"]}
    by_image = {}
    for a in coco["annotations"]:
        by_image.setdefault(a["image_id"], []).append(a)
    rows = [overlay(args.dataset, image, by_image.get(image["id"], []), names)
            for image in sorted(coco["images"], key=lambda i: i["id"])[:args.frames]]
    cv2.imwrite(args.out, np.vstack(rows), [cv2.IMWRITE_PNG_COMPRESSION, 9])


if __name__ == "__main__":
    main()
