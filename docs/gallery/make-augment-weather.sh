#!/bin/sh
# Makes docs/gallery/augment-weather.png: one real photo (rocket.jpg from Debian's python3-skimage,
# NASA, public domain) and five single-effect variants from 'synthscene augment': fog, rain, snow,
# night, glare. Each tile outlines the variant's label as written in its COCO file (the input's,
# copied: the effects change colour only). Run from the repository root:
#
#     docs/gallery/make-augment-weather.sh
#
# Needs the synthscene launcher (builds with Maven when needed), python3-skimage's sample photos,
# and /usr/bin/python3 with numpy and OpenCV (Debian: python3-numpy python3-opencv).
set -eu
cd "$(dirname "$0")/../.."
photos=/usr/lib/python3/dist-packages/skimage/data
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# the rocket's entry and label from the gallery's hand-made labels
/usr/bin/python3 - docs/gallery/augment-labels.json "$work/rocket.json" <<'PY'
import json, sys
labels = json.load(open(sys.argv[1]))
labels["images"] = [i for i in labels["images"] if i["file_name"] == "rocket.jpg"]
labels["annotations"] = [a for a in labels["annotations"] if a["image_id"] == labels["images"][0]["id"]]
json.dump(labels, open(sys.argv[2], "w"))
PY

# one config per effect. No depth maps: the distances come from a ground plane, pitched up 16 degrees
# so that its horizon lies where the photo's does (near the bottom; the pad is the ground)
cat > "$work/fog.yaml" <<'YAML'
seed: 1
fog: {visibility_m: 600, airlight: [0.75, 0.77, 0.8], ground_plane: {camera_height_m: 1.5, pitch_deg: -16, hfov_deg: 60, far_m: 100}}
YAML
cat > "$work/rain.yaml" <<'YAML'
seed: 1
weather: {rain: {intensity: 0.6}, exposure_time_s: 0.03, ground_plane: {camera_height_m: 1.5, pitch_deg: -16, hfov_deg: 60}}
YAML
cat > "$work/snow.yaml" <<'YAML'
seed: 1
weather: {snow: {intensity: 0.6, cover: 0.5}, ground_plane: {camera_height_m: 1.5, pitch_deg: -16, hfov_deg: 60}}
YAML
cat > "$work/night.yaml" <<'YAML'
seed: 1
night: {exposure_ev: -3, blue_shift: 0.6, lamp_threshold: 0.8, glow_radius_px: 6}
YAML
cat > "$work/glare.yaml" <<'YAML'
seed: 1
glare: {strength: 0.6, sun: [0.8, 0.1], radius: 0.15, veil: 0.05}
YAML

for effect in fog rain snow night glare; do
    ./synthscene augment --coco "$work/rocket.json" --images "$photos" --config "$work/$effect.yaml" \
        --out "$work/$effect" --device cpu > /dev/null
    ./synthscene validate "$work/$effect" > /dev/null
done

/usr/bin/python3 - "$work" "$photos" docs/gallery/augment-weather.png <<'PY'
import json, sys
import cv2
import numpy as np

work, photos, target = sys.argv[1:]
cells = [("original", cv2.imread(photos + "/rocket.jpg"), json.load(open(work + "/rocket.json")))]
for effect in ["fog", "rain", "snow", "night", "glare"]:
    coco = json.load(open(f"{work}/{effect}/annotations/instances.json"))
    cells.append((effect, cv2.imread(f"{work}/{effect}/images/" + coco["images"][0]["file_name"]), coco))
tiles = []
for name, image, coco in cells:
    for annotation in coco["annotations"]:
        for polygon in annotation["segmentation"]:
            points = np.array(polygon, dtype=np.float64).reshape(-1, 2).round().astype(np.int32)
            cv2.polylines(image, [points], True, (40, 220, 255), 2, cv2.LINE_AA)
    cv2.putText(image, name, (10, 34), cv2.FONT_HERSHEY_SIMPLEX, 1.0, (0, 0, 0), 4, cv2.LINE_AA)
    cv2.putText(image, name, (10, 34), cv2.FONT_HERSHEY_SIMPLEX, 1.0, (255, 255, 255), 2, cv2.LINE_AA)
    tiles.append(cv2.resize(image, (480, 320), interpolation=cv2.INTER_AREA))
sheet = np.vstack([np.hstack(tiles[0:3]), np.hstack(tiles[3:6])])
cv2.imwrite(target, sheet, [cv2.IMWRITE_PNG_COMPRESSION, 9])
print(target, sheet.shape[1], "x", sheet.shape[0])
PY
