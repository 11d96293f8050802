#!/bin/sh
# Renders the occlusion sheet: the same car (docs/gallery/scenes/occlusion.yaml) with a hoarding
# placed in front of it by `occlude`, asked to cover 0, 25, 50 and 75 % of the car's image width,
# each picture captioned with the asked coverage and the car's visibility as the render recorded
# it (occlusion/000000.json: visible pixels over the pixels of its unoccluded silhouette). The car
# is not a box, so the visibility is near, not equal to, 1 - coverage. Run from the repository root:
#
#     docs/gallery/make-occlusion.sh
#
# Needs the synthscene launcher (builds with Maven when needed) and /usr/bin/python3 with
# numpy and OpenCV (Debian: python3-numpy python3-opencv).
set -eu
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for coverage in 0 0.25 0.5 0.75; do
    sed "s/COVERAGE/$coverage/" docs/gallery/scenes/occlusion.yaml > "$work/$coverage.yaml"
    ./synthscene render "$work/$coverage.yaml" --out "$work/$coverage" --frames 1 --device cpu > /dev/null
done

/usr/bin/python3 - "$work" docs/gallery <<'PY'
import json
import sys
import cv2
import numpy as np

work, out = sys.argv[1], sys.argv[2]
tiles = []
for coverage in ("0", "0.25", "0.5", "0.75"):
    image = cv2.imread(f"{work}/{coverage}/images/000000.png", cv2.IMREAD_COLOR)
    if image is None:
        sys.exit(f"missing render {coverage}")
    instances = json.load(open(f"{work}/{coverage}/occlusion/000000.json"))["instances"]
    car = next(i for i in instances if i["instance_id"] == 1)
    lines = (f"occluder asked to cover {float(coverage):.2f}", f"car visibility {car['visibility']:.3f}")
    for text, y in zip(lines, (28, 56)):
        cv2.putText(image, text, (10, y), cv2.FONT_HERSHEY_SIMPLEX, 0.7, (0, 0, 0), 4, cv2.LINE_AA)
        cv2.putText(image, text, (10, y), cv2.FONT_HERSHEY_SIMPLEX, 0.7, (255, 255, 255), 2, cv2.LINE_AA)
    print(coverage, car["visibility"])
    tiles.append(image)
cv2.imwrite(f"{out}/occlusion.png", np.vstack([np.hstack(tiles[:2]), np.hstack(tiles[2:])]))
print(f"wrote {out}/occlusion.png")
PY
