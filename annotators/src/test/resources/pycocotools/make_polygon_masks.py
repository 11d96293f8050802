#!/usr/bin/env python3
"""Reference masks for PolygonRasterizerTest, made by pycocotools itself.

For each case, the COCO polygon segmentation is turned into a mask exactly as COCO.annToRLE
does (frPyObjects, then merge), and stored as uncompressed counts (column-major runs,
background first). Re-run with pycocotools installed (pip install pycocotools; 2.0.11 made the
committed file):

    python3 make_polygon_masks.py > polygon-masks.json
"""
import json
import random

import pycocotools
import pycocotools.mask as mask_utils


def case(name, height, width, polygons):
    rle = mask_utils.merge(mask_utils.frPyObjects(polygons, height, width))
    binary = mask_utils.decode(rle)  # h x w, uint8
    flat = binary.flatten(order="F")
    counts, previous, run = [], 0, 0
    for value in flat:
        if value != previous:
            counts.append(run)
            run, previous = 0, value
        run += 1
    counts.append(run)
    return {"name": name, "height": height, "width": width, "polygons": polygons,
            "counts": counts, "area": int(binary.sum())}


def main():
    rng = random.Random(20261126)
    cases = [
        case("axis-aligned square on pixel corners", 10, 12, [[2, 2, 7, 2, 7, 6, 2, 6]]),
        case("axis-aligned square on pixel centres", 10, 12, [[2.5, 2.5, 7.5, 2.5, 7.5, 6.5, 2.5, 6.5]]),
        case("triangle", 16, 16, [[1.2, 1.7, 14.6, 3.3, 6.1, 13.9]]),
        case("clockwise and counter-clockwise union", 20, 20,
             [[1, 1, 9, 1, 9, 9, 1, 9], [12, 12, 12, 18, 18, 18, 18, 12]]),
        case("overlapping polygons merge as a union", 20, 20,
             [[1, 1, 12, 1, 12, 12, 1, 12], [6, 6, 18, 6, 18, 18, 6, 18]]),
        case("self-intersecting bow tie", 20, 20, [[2, 2, 17, 17, 17, 2, 2, 17]]),
        case("partly outside the image, negative coordinates", 12, 15,
             [[-4.3, -2.2, 9.8, -3.1, 20.2, 8.4, 3.3, 16.7]]),
        case("thin sliver", 30, 30, [[1, 1, 28.7, 2.1, 28.9, 2.6]]),
        case("steep edges", 30, 10, [[1.1, 0.4, 2.9, 29.3, 8.6, 27.2, 7.4, 1.2]]),
        case("touching the right and bottom edges", 8, 9, [[0, 0, 9, 0, 9, 8, 0, 8]]),
    ]
    for i in range(12):
        height, width = rng.randint(5, 40), rng.randint(5, 40)
        polygons = []
        for _ in range(rng.randint(1, 3)):
            points = rng.randint(3, 9)
            polygons.append([round(rng.uniform(-5, width + 5) if k % 2 == 0 else rng.uniform(-5, height + 5), 3)
                             for k in range(2 * points)])
        cases.append(case("random %d" % i, height, width, polygons))
    json.dump({"pycocotools": pycocotools.__version__ if hasattr(pycocotools, "__version__") else "2.0.11",
               "cases": cases}, __import__("sys").stdout, indent=1)


if __name__ == "__main__":
    main()
