#!/bin/sh
# Renders the night sheet: one frame of the night street (scenes/examples/urban-night.yaml, frame
# 0, without its lighting, at 480 x 360) under each file of docs/gallery/scenes/night/: day,
# dusk, twilight and night, all with auto exposure limited to 5 stops. Street lamps and vehicle
# lamps are on in every picture. Run from the repository root:
#
#     docs/gallery/make-night.sh
#
# Needs the synthscene launcher (builds with Maven when needed) and /usr/bin/python3 with
# numpy and OpenCV (Debian: python3-numpy python3-opencv).
set -eu
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for variant in docs/gallery/scenes/night/*.yaml; do
    name=$(basename "$variant" .yaml)
    /usr/bin/python3 - scenes/examples/urban-night.yaml "$variant" > "$work/$name.yaml" <<'PY'
import re
import sys
street, lighting = (open(path).read() for path in sys.argv[1:])
# the example's own lighting section goes; the variant's takes its place
street = re.sub(r"^lighting:\n(?:(?:  .*|\s*)\n)+?(?=\S)", "", street, count=1, flags=re.M)
street = street.replace("output: {width: 640, height: 480}", "output: {width: 480, height: 360}")
print(street + "\n" + lighting)
PY
    ./synthscene render "$work/$name.yaml" --out "$work/$name" --frames 1 --device cpu > /dev/null
    /usr/bin/python3 -c "import json,sys; e=json.load(open(sys.argv[1]))['lighting']['exposure']; print(sys.argv[2], 'exposure', round(e['ev'], 2), 'EV')" \
        "$work/$name/frames/000000.json" "$name"
done

/usr/bin/python3 - "$work" docs/gallery <<'PY'
import json
import sys
import cv2
import numpy as np

work, out = sys.argv[1], sys.argv[2]
cells = [("1-day", "day, sun 45 deg"), ("2-dusk", "dusk, sun 2 deg"),
         ("3-twilight", "twilight, sun -9 deg"), ("4-night", "night, sun -25 deg")]
tiles = []
for name, caption in cells:
    image = cv2.imread(f"{work}/{name}/images/000000.png", cv2.IMREAD_COLOR)
    if image is None:
        sys.exit(f"missing render {name}")
    ev = json.load(open(f"{work}/{name}/frames/000000.json"))["lighting"]["exposure"]["ev"]
    for text, y in ((caption, 28), (f"auto exposure +{ev:.1f} EV", 56)):
        cv2.putText(image, text, (10, y), cv2.FONT_HERSHEY_SIMPLEX, 0.7, (0, 0, 0), 4, cv2.LINE_AA)
        cv2.putText(image, text, (10, y), cv2.FONT_HERSHEY_SIMPLEX, 0.7, (255, 255, 255), 2, cv2.LINE_AA)
    tiles.append(image)
cv2.imwrite(f"{out}/night.png", np.vstack([np.hstack(tiles[:2]), np.hstack(tiles[2:])]))
print(f"wrote {out}/night.png")
PY
