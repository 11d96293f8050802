#!/bin/sh
# Renders the sky sheet: the same street frame (docs/gallery/scenes/street.yaml, frame 0) under each
# file of docs/gallery/scenes/sky/: no sky section (one horizon colour), the gradient, clouds, and a
# low sun ahead with clouds. Run from the repository root:
#
#     docs/gallery/make-sky.sh
#
# Needs the synthscene launcher (builds with Maven when needed) and /usr/bin/python3 with
# numpy and OpenCV (Debian: python3-numpy python3-opencv).
set -eu
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for variant in docs/gallery/scenes/sky/*.yaml; do
    name=$(basename "$variant" .yaml)
    cat docs/gallery/scenes/street.yaml "$variant" > "$work/$name.yaml"
    ./synthscene render "$work/$name.yaml" --out "$work/$name" --frames 1 --device cpu > /dev/null
done

/usr/bin/python3 - "$work" docs/gallery <<'PY'
import sys
import cv2
import numpy as np

work, out = sys.argv[1], sys.argv[2]
cells = [("1-no-sky", "no sky section"), ("2-gradient", "sky: gradient"),
         ("3-clouds", "sky: cloud_cover 0.55"), ("4-low-sun-ahead", "sun 6 deg ahead, 3000 K, clouds 0.35")]
tiles = []
for name, caption in cells:
    image = cv2.imread(f"{work}/{name}/images/000000.png", cv2.IMREAD_COLOR)
    if image is None:
        sys.exit(f"missing render {name}")
    cv2.putText(image, caption, (10, 28), cv2.FONT_HERSHEY_SIMPLEX, 0.7, (0, 0, 0), 4, cv2.LINE_AA)
    cv2.putText(image, caption, (10, 28), cv2.FONT_HERSHEY_SIMPLEX, 0.7, (255, 255, 255), 2, cv2.LINE_AA)
    tiles.append(image)
cv2.imwrite(f"{out}/sky.png", np.vstack([np.hstack(tiles[:2]), np.hstack(tiles[2:])]))
print(f"wrote {out}/sky.png")
PY
