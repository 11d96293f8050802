#!/bin/sh
# Makes docs/gallery/augment.png: three real photographs from Debian's python3-skimage with the
# hand-made labels of docs/gallery/augment-labels.json, before and after 'synthscene augment' with
# docs/gallery/augment.yaml (anonymized face, rendered objects composited in with their labels,
# fog, the GPU sensor, JPEG), labels drawn by 'synthscene preview'. Run from the repository root:
#
#     docs/gallery/make-augment.sh
#
# Needs the synthscene launcher (builds with Maven when needed), python3 and python3-skimage.
set -eu
cd "$(dirname "$0")/../.."
photos=/usr/lib/python3/dist-packages/skimage/data
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

./synthscene augment --coco docs/gallery/augment-labels.json --images "$photos" \
    --config docs/gallery/augment.yaml --out "$work/aug" --anonymize face --device cpu > /dev/null
python3 docs/gallery/augment-pairs.py docs/gallery/augment-labels.json "$photos" "$work/aug" "$work/pairs"
./synthscene preview "$work/pairs" --out docs/gallery/augment.png --frames 6 --grid 2x3 --width 1000 > /dev/null
