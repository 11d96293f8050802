#!/usr/bin/env python3
"""Derives scenes/examples/urban-rig.yaml from urban-street.yaml: a new header and camera.rig.

Usage: docs/tools/derive_rig_example.py scenes/examples/urban-street.yaml scenes/examples/urban-rig.yaml
"""
import sys, re
src = open(sys.argv[1]).read()
lines = src.split('\n')
# header: replace the leading comment block
i = 0
while i < len(lines) and lines[i].startswith('#'):
    i += 1
header = '''# urban-street.yaml seen by a camera rig on a car's roof: three cameras, front, front-left and
# front-right, see the same world (objects, light, fog) in each frame, each with its own images,
# masks and COCO annotations (images/NNNNNN_front.png, ...). The rig's pose is the camera section's
# (drawn per frame); each camera sits at a fixed offset from it. Generated from urban-street.yaml
# by docs/tools/derive_rig_example.py (camera.rig below is the only change besides this header).'''.split('\n')
body = lines[i:]
out = '\n'.join(header + body)
rig = '''  rig:                       # offsets in the rig's axes: x right, y up, z backwards (metres); angles in degrees
    - {name: front, offset: {x: 0, y: 0, z: 0}}
    - {name: front-left, offset: {x: -0.4, y: 0, z: 0.3, yaw: 55}}
    - {name: front-right, offset: {x: 0.4, y: 0, z: 0.3, yaw: -55}}
'''
m = re.search(r'^camera:\n((?:  .*\n)+)', out, re.M)
if not m:
    sys.exit('no camera section')
out = out[:m.end()] + rig + out[m.end():]
open(sys.argv[2], 'w').write(out)
