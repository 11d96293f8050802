#!/usr/bin/env bash
# Output on a slow network file system: mounts .ci/slowfs.py (a FUSE pass-through that sleeps
# before every write, fsync, rename, create, link and unlink, as a busy NFS share answers them),
# renders a small scene into it, kills that render (SIGKILL, mid-write) once a few frames are done,
# resumes it, and checks the result: `synthscene validate` passes, no temporary or partly written
# file is left, every frame is whole, and the dataset equals a render of the same frames on local
# disk byte for byte (.ci/compare_datasets.py; the times in dataset.json aside).
#
# .ci/run calls it after the Maven tests. Needs root and /dev/fuse, and python3-fusepy (Debian's
# package; .ci/run installs it); skips with a message when one is missing or the mount is refused
# (a container without the FUSE permission), and when SYNTHSCENE_SKIP_SLOW_FS=1.
# Everything it writes is in one temporary folder; whatever happens, it stops the render and the
# file system it started (by pid), unmounts, and removes that folder.
#
# Environment: SYNTHSCENE_SLOW_FS_DELAY_MS, the delay per operation (default 20);
# SYNTHSCENE_SLOW_FS_KEEP=1 keeps the temporary folder (logs, datasets) for a look afterwards.
set -euo pipefail

log() { echo "slow-fs-test: $*"; }
skip() { echo "slow-fs-test: skipped: $*"; exit 0; }
fail() { echo "slow-fs-test: FAILED: $*" >&2; exit 1; }

[ "${SYNTHSCENE_SKIP_SLOW_FS:-0}" = 1 ] && skip "SYNTHSCENE_SKIP_SLOW_FS=1"
[ "$(id -u)" = 0 ] || skip "needs root to mount a FUSE file system"
[ -c /dev/fuse ] || skip "no /dev/fuse (load the fuse module, or give the container the device)"
/usr/bin/python3 -c 'import fusepy' 2>/dev/null || /usr/bin/python3 -c 'import fuse' 2>/dev/null \
  || skip "python3-fusepy is not installed (apt-get install python3-fusepy; .ci/run does it)"

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
scene="$root/scenes/examples/table-top.yaml"
frames=12
options=(--frames "$frames" --size 96x72 --threads 2)
delay_ms=${SYNTHSCENE_SLOW_FS_DELAY_MS:-20}
started=$SECONDS

"$root/synthscene" --version >/dev/null   # build now, not inside the timed renders

tmp=$(mktemp -d /tmp/synthscene-slow-fs.XXXXXX)
mnt="$tmp/mnt"
mkdir -p "$tmp/backing" "$mnt"
fs_pid=""
render_pid=""
reference_pid=""

cleanup() {
  local status=$?
  set +e
  for pid in "$render_pid" "$reference_pid"; do
    [ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  done
  if grep -qs " $mnt " /proc/mounts; then
    umount "$mnt" 2>/dev/null || umount -l "$mnt"
  fi
  if [ -n "$fs_pid" ]; then
    for _ in $(seq 50); do kill -0 "$fs_pid" 2>/dev/null || break; sleep 0.1; done
    kill -TERM "$fs_pid" 2>/dev/null && wait "$fs_pid" 2>/dev/null
  fi
  if [ "$status" != 0 ]; then
    for f in "$tmp"/*.log; do [ -f "$f" ] && { echo "--- $f"; tail -20 "$f"; }; done
  fi
  if [ "${SYNTHSCENE_SLOW_FS_KEEP:-0}" = 1 ]; then
    echo "slow-fs-test: kept $tmp"
  else
    rm -rf "$tmp"
  fi
  exit "$status"
}
trap cleanup EXIT

/usr/bin/python3 "$root/.ci/slowfs.py" "$tmp/backing" "$mnt" --delay-ms "$delay_ms" --stats "$tmp/stats.json" \
  >"$tmp/slowfs.log" 2>&1 &
fs_pid=$!
for _ in $(seq 100); do
  grep -qs " $mnt " /proc/mounts && break
  if ! kill -0 "$fs_pid" 2>/dev/null; then
    fs_pid=""
    if grep -qiE "permission denied|not permitted|fuse: device not found|failed to open /dev/fuse" "$tmp/slowfs.log"; then
      skip "the FUSE mount was refused: $(head -c 300 "$tmp/slowfs.log" | tr '\n' ' ')"
    fi
    fail "slowfs.py ended before mounting: $(cat "$tmp/slowfs.log")"
  fi
  sleep 0.1
done
grep -qs " $mnt " /proc/mounts || fail "$mnt was not mounted within 10 s"
log "mounted a pass-through with ${delay_ms} ms per write, fsync, rename, create, link and unlink at $mnt"

# The reference, on local disk, while the slow run goes on (two JVMs on the two cores).
"$root/synthscene" render "$scene" --out "$tmp/reference" "${options[@]}" >"$tmp/reference.log" 2>&1 &
reference_pid=$!

out="$mnt/dataset"
t0=$SECONDS
"$root/synthscene" render "$scene" --out "$out" "${options[@]}" >"$tmp/first.log" 2>&1 &
render_pid=$!
# Kill it once 4 frames are done: a frame is done when its frame JSON is in place.
for _ in $(seq 1200); do
  done_frames=$( (find "$out/frames" -name "[0-9]*.json" 2>/dev/null || true) | wc -l)
  [ "$done_frames" -ge 4 ] && break
  kill -0 "$render_pid" 2>/dev/null || fail "the first render ended before 4 frames were done"
  sleep 0.05
done
kill -KILL "$render_pid"
wait "$render_pid" 2>/dev/null || true
render_pid=""
done_frames=$(find "$out/frames" -name '[0-9]*.json' | wc -l)
[ "$done_frames" -lt "$frames" ] || fail "the render finished before it could be killed; nothing was interrupted"
log "killed the render (SIGKILL) after $((SECONDS - t0)) s with $done_frames of $frames frames done"

t0=$SECONDS
"$root/synthscene" render "$scene" --out "$out" "${options[@]}" --resume >"$tmp/resume.log" 2>&1 \
  || fail "the resumed render failed: $(tail -5 "$tmp/resume.log")"
log "resumed in $((SECONDS - t0)) s: $(grep -m1 '^resuming:' "$tmp/resume.log")"

"$root/synthscene" validate "$out" >"$tmp/validate.log" 2>&1 || fail "validate failed: $(tail -5 "$tmp/validate.log")"
log "validate: $(tail -1 "$tmp/validate.log")"

leftovers=$(find "$out" -name '.*.tmp-*')
[ -z "$leftovers" ] || fail "temporary files left: $leftovers"
for ((i = 0; i < frames; i++)); do
  name=$(printf '%06d' "$i")
  for f in "images/$name.png" "masks/instance/$name.png" "frames/$name.json"; do
    [ -s "$out/$f" ] || fail "$f is missing or empty"
  done
done
[ -s "$out/annotations/instances.json" ] && [ -s "$out/dataset.json" ] || fail "instances.json or dataset.json is missing"

wait "$reference_pid" || fail "the reference render failed: $(tail -5 "$tmp/reference.log")"
reference_pid=""
/usr/bin/python3 "$root/.ci/compare_datasets.py" "$tmp/reference" "$out" \
  || fail "the dataset written to the slow file system differs from the local one"

umount "$mnt"
for _ in $(seq 50); do kill -0 "$fs_pid" 2>/dev/null || break; sleep 0.1; done
wait "$fs_pid" 2>/dev/null || true
fs_pid=""
[ -s "$tmp/stats.json" ] || fail "slowfs.py wrote no statistics"
writes=$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["write"])' "$tmp/stats.json")
renames=$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["rename"])' "$tmp/stats.json")
[ "$writes" -gt 0 ] && [ "$renames" -gt 0 ] || fail "no write or rename went through the slow file system: $(cat "$tmp/stats.json")"
log "delayed operations: $(cat "$tmp/stats.json")"
log "passed in $((SECONDS - started)) s: whole frames only, no temporary files, valid, identical to the local render"
