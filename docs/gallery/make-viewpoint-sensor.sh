#!/bin/sh
# Renders the viewpoint and sensor sheet: the same street frame (docs/gallery/scenes/street.yaml,
# frame 0, lit by scenes/lighting/elevation-45.yaml) with each file of
# docs/gallery/scenes/viewpoint-sensor/: a file with a camera section replaces the street's camera
# (same pose draws, other intrinsics), any other file is added to the scene (a sensor section).
# Run from the repository root:
#
#     docs/gallery/make-viewpoint-sensor.sh
#
# Needs the synthscene launcher (builds with Maven when needed) and /usr/bin/python3 with
# numpy and OpenCV (Debian: python3-numpy python3-opencv).
set -eu
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for variant in docs/gallery/scenes/viewpoint-sensor/*.yaml; do
    name=$(basename "$variant" .yaml)
    /usr/bin/python3 - docs/gallery/scenes/street.yaml "$variant" docs/gallery/scenes/lighting/elevation-45.yaml \
        > "$work/$name.yaml" <<'PY'
import re
import sys
street, variant, lighting = (open(path).read() for path in sys.argv[1:])
if re.search(r"^camera:", variant, re.M):
    street = re.sub(r"^camera:\n(?:  .*\n)+", "", street, count=1, flags=re.M)
print(street + "\n" + variant + "\n" + lighting)
PY
    ./synthscene render "$work/$name.yaml" --out "$work/$name" --frames 1 --device cpu > /dev/null
done

/usr/bin/python3 - "$work" docs/gallery <<'PY'
import sys
import cv2
import numpy as np

work, out = sys.argv[1], sys.argv[2]
ROWS = [[("1-hfov-70", "hfov 70 deg (f 343 px)"), ("2-focal-250", "f 250 px"),
         ("3-focal-600", "f 600 px"), ("4-offset", "principal point +80, -60 px")],
        [("5-exposure-minus", "exposure -1 EV"), ("6-exposure-plus", "exposure +1 EV"),
         ("7-white-balance", "white balance 3200 K"), ("8-vignetting-noise", "vignetting, fringes, noise")]]
rows = []
for cells in ROWS:
    tiles = []
    for name, caption in cells:
        image = cv2.imread(f"{work}/{name}/images/000000.png", cv2.IMREAD_COLOR)
        if image is None:
            sys.exit(f"missing render {name}")
        cv2.putText(image, caption, (10, 28), cv2.FONT_HERSHEY_SIMPLEX, 0.7, (0, 0, 0), 4, cv2.LINE_AA)
        cv2.putText(image, caption, (10, 28), cv2.FONT_HERSHEY_SIMPLEX, 0.7, (255, 255, 255), 2, cv2.LINE_AA)
        tiles.append(image)
    rows.append(np.hstack(tiles))
cv2.imwrite(f"{out}/viewpoint-sensor.png", np.vstack(rows))
print(f"wrote {out}/viewpoint-sensor.png")
PY
