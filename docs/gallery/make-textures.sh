#!/bin/sh
# Renders the texture sheet: the first six frames of scenes/examples/textures.yaml (boxes, balls
# and a floor with procedural checker, stripes or noise patterns drawn per object; untextured cans
# as a control), with their instance masks, boxes and names drawn by `synthscene preview`. Run
# from the repository root:
#
#     docs/gallery/make-textures.sh
set -eu
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
./synthscene render scenes/examples/textures.yaml --out "$work/textures" --frames 6 --device cpu > /dev/null
./synthscene preview "$work/textures" --out docs/gallery/textures.png --grid 3x2 --width 1200
