#!/bin/sh
# Renders the lens distortion sheet: the same street frame (docs/gallery/scenes/street.yaml, frame 0,
# lit by scenes/lighting/elevation-45.yaml) with camera.distortion k1 = -0.12, 0, 0.1 and 0.25 (the
# other coefficients 0); top row the colour images, bottom row the instance masks of the same
# renders (each instance a colour), which are warped by the same map as the colour.
# Run from the repository root:
#
#     docs/gallery/make-distortion.sh
#
# Needs the synthscene launcher (builds with Maven when needed) and /usr/bin/python3 with
# numpy and OpenCV (Debian: python3-numpy python3-opencv).
set -eu
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for k1 in -0.12 0 0.1 0.25; do
    /usr/bin/python3 - docs/gallery/scenes/street.yaml docs/gallery/scenes/lighting/elevation-45.yaml "$k1" \
        > "$work/k1_$k1.yaml" <<'PY'
import re
import sys
street, lighting = (open(path).read() for path in sys.argv[1:3])
k1 = sys.argv[3]
street = re.sub(r"^camera:\n", "camera:\n  distortion: {k1: %s}\n" % k1, street, count=1, flags=re.M)
print(street + "\n" + lighting)
PY
    ./synthscene render "$work/k1_$k1.yaml" --out "$work/k1_$k1" --frames 1 --device cpu > /dev/null
done

/usr/bin/python3 - "$work" docs/gallery <<'PY'
import sys
import cv2
import numpy as np

work, out = sys.argv[1], sys.argv[2]
K1 = ["-0.12", "0", "0.1", "0.25"]
colour, masks = [], []
rng = np.random.default_rng(3)
palette = rng.integers(60, 256, size=(65536, 3), dtype=np.uint8)
palette[0] = 0
for k1 in K1:
    image = cv2.imread(f"{work}/k1_{k1}/images/000000.png", cv2.IMREAD_COLOR)
    ids = cv2.imread(f"{work}/k1_{k1}/masks/instance/000000.png", cv2.IMREAD_UNCHANGED)
    if image is None or ids is None:
        sys.exit(f"missing render k1 = {k1}")
    caption = f"k1 = {k1}"
    for tile in (image,):
        cv2.putText(tile, caption, (10, 28), cv2.FONT_HERSHEY_SIMPLEX, 0.7, (0, 0, 0), 4, cv2.LINE_AA)
        cv2.putText(tile, caption, (10, 28), cv2.FONT_HERSHEY_SIMPLEX, 0.7, (255, 255, 255), 2, cv2.LINE_AA)
    colour.append(image)
    masks.append(palette[ids])
cv2.imwrite(f"{out}/distortion.png", np.vstack([np.hstack(colour), np.hstack(masks)]))
print(f"wrote {out}/distortion.png")
PY
