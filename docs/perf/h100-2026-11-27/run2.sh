#!/usr/bin/env bash
# Second GPU call of 2026-11-27: is the slower PBO-ring readback stage (143.6 -> 104.2 frames/s on
# the earlier street scene) repeatable, and where does the GL thread spend its time now? Benches of
# both codes again, then stack profiles of the same whole render on both (the 2026-11-26 command).
set -f
R=${OUT:-/tmp/out}/r; mkdir -p $R
pack() { tar -C ${OUT:-/tmp/out} -czf ${OUT:-/tmp/out}/results.tgz r; }
J=${J:-"java -cp /tmp/gpu-app/*:.gpu/sampler.jar"}
JOLD=${JOLD:-"java -cp .gpu/old/*:/tmp/gpu-app/*:.gpu/sampler.jar"}
DEVICE=${DEVICE:-gpu}
M=io.synthscene.cli.Main
OLD=scenes/examples/.old-street.yaml
if [ "${SCALE:-full}" = small ]; then F=4; P=8; HD=160x120; else F=200; P=1500; HD=1280x720; fi
step() { echo "$(date -u +%T) $*" >> $R/steps.txt; }
step bench
for code in new old; do
  [ $code = new ] && JJ=$J || JJ=$JOLD
  timeout 80 $JJ $M bench $OLD --size $HD --frames $F --device $DEVICE --threads 16 --json $R/bench2-oldstreet-$code.json > $R/bench2-oldstreet-$code.txt 2>&1; pack
done
step profile
for code in new old; do
  [ $code = new ] && JJ=$J || JJ=$JOLD
  { time SAMPLER_OUT=$R/profile-oldstreet-$code.txt timeout 60 $JJ StackSampler $M render $OLD --out /tmp/prof-$code --frames $P --size $HD --image-format jpeg --device $DEVICE --threads 16; } > $R/profile-render-$code.txt 2>&1; pack
  rm -rf /tmp/prof-$code
done
step done
