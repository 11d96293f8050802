#!/bin/sh
# Renders the lighting gallery: the same street frame (docs/gallery/scenes/street.yaml, frame 0)
# under each lighting file of docs/gallery/scenes/lighting/, then three contact sheets:
# sun elevation, sun temperature and fog visibility. Run from the repository root:
#
#     docs/gallery/make.sh
#
# Needs the synthscene launcher (builds with Maven when needed) and /usr/bin/python3 with
# numpy and OpenCV (Debian: python3-numpy python3-opencv).
set -eu
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for lighting in docs/gallery/scenes/lighting/*.yaml; do
    name=$(basename "$lighting" .yaml)
    cat docs/gallery/scenes/street.yaml "$lighting" > "$work/$name.yaml"
    ./synthscene render "$work/$name.yaml" --out "$work/$name" --frames 1 --device cpu > /dev/null
done

/usr/bin/python3 - "$work" docs/gallery <<'PY'
import sys
import cv2
import numpy as np

work, out = sys.argv[1], sys.argv[2]
SHEETS = {
    "sun-elevation.png": [("elevation-05", "sun 5 deg"), ("elevation-20", "sun 20 deg"),
                          ("elevation-45", "sun 45 deg"), ("elevation-70", "sun 70 deg")],
    "sun-temperature.png": [("temperature-2500", "2500 K"), ("temperature-4000", "4000 K"),
                            ("temperature-5500", "5500 K"), ("temperature-8000", "8000 K")],
    "fog-visibility.png": [("fog-none", "no fog"), ("fog-200", "visibility 200 m"),
                           ("fog-060", "visibility 60 m"), ("fog-025", "visibility 25 m")],
}
for sheet, cells in SHEETS.items():
    tiles = []
    for name, caption in cells:
        image = cv2.imread(f"{work}/{name}/images/000000.png", cv2.IMREAD_COLOR)
        if image is None:
            sys.exit(f"missing render {name}")
        cv2.putText(image, caption, (10, 28), cv2.FONT_HERSHEY_SIMPLEX, 0.8, (0, 0, 0), 4, cv2.LINE_AA)
        cv2.putText(image, caption, (10, 28), cv2.FONT_HERSHEY_SIMPLEX, 0.8, (255, 255, 255), 2, cv2.LINE_AA)
        tiles.append(image)
    cv2.imwrite(f"{out}/{sheet}", np.hstack(tiles))
    print(f"wrote {out}/{sheet}")
PY
