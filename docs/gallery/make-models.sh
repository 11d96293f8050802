#!/bin/sh
# Renders the models sheet: four frames of docs/gallery/scenes/models.yaml, third-party textured
# models of Debian's assimp-testmodels package (the Collada duck with its TGA image, the glTF
# BoxTextured GLB with its embedded PNG, the OBJ spider with its JPEGs through map_Kd, the glTF 1.0
# Cesium milk truck) drawn with their own materials and images; each frame as rendered and beside
# it with its instance masks tinted and its COCO boxes and names drawn (docs/tools/contact_sheet.py).
# Needs assimp-testmodels and /usr/bin/python3 with numpy and OpenCV (Debian: assimp-testmodels
# python3-numpy python3-opencv). Run from the repository root:
#
#     docs/gallery/make-models.sh
set -eu
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
SYNTHSCENE_ASSET_ROOTS=/usr/share/assimp/models \
  ./synthscene render docs/gallery/scenes/models.yaml --out "$work/models" --device cpu > /dev/null
/usr/bin/python3 docs/tools/contact_sheet.py "$work/models" docs/gallery/models.png --frames 4
