#!/usr/bin/env bash
# GPU checks of 2026-11-27 (one call): the README command on the new street, the bench of the
# new street, the single-camera regression (old street scene, code of 2ec2273 vs now), the rig
# bench, rig determinism across thread counts, and an injected context loss with --resume.
# Run there as `bash .gpu/run.sh bash .gpu/session.sh` (this file copied to .gpu/session.sh), with
# .gpu/ made as PERFORMANCE.md says, the jars of commit 2ec2273 in .gpu/old/ and that commit's
# street scene as scenes/examples/.old-street.yaml (git show 2ec2273:scenes/examples/urban-street.yaml).
# Try it here first with J="java -cp cli/target/synthscene-cli.jar:cli/target/lib/*" DEVICE=cpu SCALE=small.
set -f   # the class paths below hold globs for java, not for the shell
R=${OUT:-/tmp/out}/r; mkdir -p $R
pack() { tar -C ${OUT:-/tmp/out} -czf ${OUT:-/tmp/out}/results.tgz r; }
J=${J:-"java -cp /tmp/gpu-app/*"}
JOLD=${JOLD:-"java -cp .gpu/old/*:/tmp/gpu-app/*"}
DEVICE=${DEVICE:-gpu}
M=io.synthscene.cli.Main
S=scenes/examples/urban-street.yaml
OLD=scenes/examples/.old-street.yaml
RIG=scenes/examples/urban-rig.yaml
if [ "${SCALE:-full}" = small ]; then F=4; HD=160x120; SD=128x96; else F=200; HD=1280x720; SD=640x480; fi
export SYNTHSCENE_GIT_COMMIT=${SYNTHSCENE_GIT_COMMIT:-9ae435c}
step() { echo "$(date -u +%T) $*" >> $R/steps.txt; }
{ date -u; nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv; nproc; lscpu | grep 'Model name'; free -g | head -2; } > $R/machine.txt 2>&1
step readme
{ time timeout 60 $J $M render $S --out /tmp/readme --frames $F --device $DEVICE; } > $R/readme-render.txt 2>&1
cp /tmp/readme/dataset.json $R/readme-dataset.json; cp /tmp/readme/images/000003.png $R/readme-000003.png; pack
step loss
# an injected context loss after 6 of 10 frames, then --resume; compared with an uninterrupted run
SYNTHSCENE_INJECT_CONTEXT_LOSS_AFTER_FRAMES=6 timeout 60 $J $M render $S --out /tmp/lost --frames 10 --device $DEVICE > $R/loss-render.txt 2>&1; echo "exit $?" >> $R/loss-render.txt
ls /tmp/lost/images | wc -l >> $R/loss-render.txt
timeout 60 $J $M render $S --out /tmp/lost --frames 10 --device $DEVICE --resume > $R/loss-resume.txt 2>&1; echo "exit $?" >> $R/loss-resume.txt
timeout 60 $J $M render $S --out /tmp/whole --frames 10 --device $DEVICE > /dev/null 2>&1
{ diff -r /tmp/whole /tmp/lost | grep -v dataset.json; echo "diff done"; ls /tmp/lost/images | wc -l; } > $R/loss-diff.txt 2>&1; pack
step bench-new
for s in $HD $SD; do
  timeout 90 $J $M bench $S --size $s --frames $F --device $DEVICE --threads 16 --json $R/bench-street-$s.json > $R/bench-street-$s.txt 2>&1; pack
done
step bench-old-street
timeout 80 $JOLD $M bench $OLD --size $HD --frames $F --device $DEVICE --threads 16 --json $R/bench-oldstreet-oldcode.json > $R/bench-oldstreet-oldcode.txt 2>&1; pack
timeout 80 $J $M bench $OLD --size $HD --frames $F --device $DEVICE --threads 16 --json $R/bench-oldstreet-newcode.json > $R/bench-oldstreet-newcode.txt 2>&1; pack
step bench-rig
timeout 90 $J $M bench $RIG --size $HD --frames $((F / 2)) --device $DEVICE --threads 16 --json $R/bench-rig.json > $R/bench-rig.txt 2>&1; pack
step rig-determinism
timeout 40 $J $M render $RIG --out /tmp/r16 --frames 12 --size $HD --image-format jpeg --device $DEVICE --threads 16 > /dev/null 2>&1
timeout 40 $J $M render $RIG --out /tmp/r3 --frames 12 --size $HD --image-format jpeg --device $DEVICE --threads 3 > /dev/null 2>&1
{ diff -r /tmp/r16 /tmp/r3 | grep -v dataset.json; echo "diff done"; ls /tmp/r16/images | wc -l; } > $R/rig-determinism.txt 2>&1; pack
step rig-render
{ time timeout 60 $J $M render $RIG --out /tmp/rig --frames $((F * 3 / 2)) --size $HD --image-format jpeg --device $DEVICE --threads 16; } > $R/rig-render.txt 2>&1
cp /tmp/rig/dataset.json $R/rig-dataset.json; pack
step done
