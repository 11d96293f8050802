#!/bin/sh
# Renders the motion blur sheet: the same street frame (docs/gallery/scenes/street.yaml, frame 0,
# lit by scenes/lighting/elevation-45.yaml) with the camera moving as each file of
# docs/gallery/scenes/motion-blur/ says (its motion: map goes into the street's camera section;
# motion draws from its own stream, so pose, objects and lighting stay the same).
# Run from the repository root:
#
#     docs/gallery/make-motion-blur.sh
#
# Needs the synthscene launcher (builds with Maven when needed) and /usr/bin/python3 with
# numpy and OpenCV (Debian: python3-numpy python3-opencv).
set -eu
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for variant in docs/gallery/scenes/motion-blur/*.yaml; do
    name=$(basename "$variant" .yaml)
    /usr/bin/python3 - docs/gallery/scenes/street.yaml "$variant" docs/gallery/scenes/lighting/elevation-45.yaml \
        > "$work/$name.yaml" <<'PY'
import re
import sys
street, variant, lighting = (open(path).read() for path in sys.argv[1:])
motion = re.search(r"^motion: .*$", variant, re.M).group(0)
street, n = re.subn(r"^(camera:\n(?:  .*\n)+)", lambda m: m.group(1) + "  " + motion + "\n", street, count=1, flags=re.M)
if n != 1:
    sys.exit("no camera section in the street")
print(street + "\n" + lighting)
PY
    ./synthscene render "$work/$name.yaml" --out "$work/$name" --frames 1 --device cpu > /dev/null
done

/usr/bin/python3 - "$work" docs/gallery <<'PY'
import json
import sys
import cv2
import numpy as np

work, out = sys.argv[1], sys.argv[2]
ROWS = [["1-still", "2-ahead-15", "3-ahead-30"], ["4-sideways-10", "5-yaw-30", "6-yaw-90-ahead-15"]]
rows = []
for cells in ROWS:
    tiles = []
    for name in cells:
        image = cv2.imread(f"{work}/{name}/images/000000.png", cv2.IMREAD_COLOR)
        if image is None:
            sys.exit(f"missing render {name}")
        # the caption comes from what the frame recorded, not from the file name
        motion = json.load(open(f"{work}/{name}/frames/000000.json"))["camera"].get("motion", {})
        if motion.get("speed_mps", 0) == 0 and motion.get("yaw_rate_deg_s", 0) == 0:
            caption = "still"
        else:
            caption = (f"{motion['speed_mps']:g} m/s at {motion['direction_deg']:g} deg, "
                       f"yaw {motion['yaw_rate_deg_s']:g} deg/s, {motion['exposure_ms']:g} ms")
        cv2.putText(image, caption, (10, 28), cv2.FONT_HERSHEY_SIMPLEX, 0.55, (0, 0, 0), 4, cv2.LINE_AA)
        cv2.putText(image, caption, (10, 28), cv2.FONT_HERSHEY_SIMPLEX, 0.55, (255, 255, 255), 1, cv2.LINE_AA)
        tiles.append(image)
    rows.append(np.hstack(tiles))
cv2.imwrite(f"{out}/motion-blur.png", np.vstack(rows))
print(f"wrote {out}/motion-blur.png")
PY
