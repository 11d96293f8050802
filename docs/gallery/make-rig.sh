#!/bin/sh
# Renders the camera rig sheet: one frame of scenes/examples/urban-rig.yaml (a rig of three
# cameras, front-left, front and front-right, on one car) seen by each camera; top row the colour
# images side by side (left to right as the cameras look), bottom row the instance masks of the same
# renders, coloured by instance id, so an object seen by two cameras has the same colour in both.
# Run from the repository root:
#
#     docs/gallery/make-rig.sh [FRAME]
#
# Needs the synthscene launcher (builds with Maven when needed) and /usr/bin/python3 with
# numpy and OpenCV (Debian: python3-numpy python3-opencv).
set -eu
cd "$(dirname "$0")/../.."
frame=${1:-0}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

./synthscene render scenes/examples/urban-rig.yaml --out "$work/rig" --frames $((frame + 1)) --size 480x360 \
    --device cpu > /dev/null

/usr/bin/python3 - "$work/rig" "$frame" docs/gallery <<'PY'
import json
import sys
import cv2
import numpy as np

dataset, frame, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
coco = json.load(open(f"{dataset}/annotations/instances.json"))
rng = np.random.default_rng(3)
palette = rng.integers(60, 256, size=(65536, 3), dtype=np.uint8)
palette[0] = 0
colour, masks = [], []
for camera in ["front-left", "front", "front-right"]:
    stem = f"{frame:06d}_{camera}"
    image = cv2.imread(f"{dataset}/images/{stem}.png", cv2.IMREAD_COLOR)
    ids = cv2.imread(f"{dataset}/masks/instance/{stem}.png", cv2.IMREAD_UNCHANGED)
    if image is None or ids is None:
        sys.exit(f"missing {stem}")
    entry = next(i for i in coco["images"] if i["file_name"] == f"{stem}.png")
    count = sum(1 for a in coco["annotations"] if a["image_id"] == entry["id"])
    caption = f"{camera}: image {entry['id']}, {count} annotations"
    cv2.putText(image, caption, (8, 24), cv2.FONT_HERSHEY_SIMPLEX, 0.55, (0, 0, 0), 4, cv2.LINE_AA)
    cv2.putText(image, caption, (8, 24), cv2.FONT_HERSHEY_SIMPLEX, 0.55, (255, 255, 255), 1, cv2.LINE_AA)
    colour.append(image)
    masks.append(palette[ids])
gap = lambda h: np.full((h, 4, 3), 255, np.uint8)
row = lambda tiles: np.hstack([tiles[0], gap(tiles[0].shape[0]), tiles[1], gap(tiles[0].shape[0]), tiles[2]])
sheet = np.vstack([row(colour), np.full((4, row(colour).shape[1], 3), 255, np.uint8), row(masks)])
cv2.imwrite(f"{out}/rig.png", sheet)
print(f"wrote {out}/rig.png (frame {frame})")
PY
