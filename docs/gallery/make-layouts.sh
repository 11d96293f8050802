#!/bin/sh
# Renders the road layouts gallery: the same camera and groups (docs/gallery/scenes/layouts.yaml)
# on each layout of docs/gallery/scenes/layouts/ (straight road, curve, T-junction, four-way
# intersection), frame 0, then one 2 x 2 contact sheet, layouts.png. Run from the repository root:
#
#     docs/gallery/make-layouts.sh
#
# Needs the synthscene launcher (builds with Maven when needed) and /usr/bin/python3 with
# numpy and OpenCV (Debian: python3-numpy python3-opencv).
set -eu
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for layout in docs/gallery/scenes/layouts/*.yaml; do
    name=$(basename "$layout" .yaml)
    cat docs/gallery/scenes/layouts.yaml "$layout" > "$work/$name.yaml"
    ./synthscene render "$work/$name.yaml" --out "$work/$name" --frames 1 --device cpu > /dev/null
done

/usr/bin/python3 - "$work" docs/gallery <<'PY'
import sys
import cv2
import numpy as np

work, out = sys.argv[1], sys.argv[2]
CELLS = [("straight", "straight"), ("curve", "curve"), ("t-junction", "t_junction"), ("four-way", "four_way")]
tiles = []
for name, caption in CELLS:
    image = cv2.imread(f"{work}/{name}/images/000000.png", cv2.IMREAD_COLOR)
    if image is None:
        sys.exit(f"missing render {name}")
    cv2.putText(image, caption, (10, 28), cv2.FONT_HERSHEY_SIMPLEX, 0.8, (0, 0, 0), 4, cv2.LINE_AA)
    cv2.putText(image, caption, (10, 28), cv2.FONT_HERSHEY_SIMPLEX, 0.8, (255, 255, 255), 2, cv2.LINE_AA)
    tiles.append(image)
cv2.imwrite(f"{out}/layouts.png", np.vstack([np.hstack(tiles[:2]), np.hstack(tiles[2:])]))
print(f"wrote {out}/layouts.png")
PY
