#!/usr/bin/env bash
# Third GPU call of 2026-11-27: the code with mesh caches keyed by the asset reference (c3af2a6,
# jars in .gpu/patch/) against 9ae435c (the bundle) and 2ec2273 (.gpu/old/), on the earlier street
# scene, 1280x720, in one call; then the rewritten street on today's code.
set -f
R=${OUT:-/tmp/out}/r; mkdir -p $R
pack() { tar -C ${OUT:-/tmp/out} -czf ${OUT:-/tmp/out}/results.tgz r; }
JNEW="java -cp .gpu/patch/*:/tmp/gpu-app/*"
JMID="java -cp /tmp/gpu-app/*"
JOLD="java -cp .gpu/old/*:/tmp/gpu-app/*"
M=io.synthscene.cli.Main
OLD=scenes/examples/.old-street.yaml
step() { echo "$(date -u +%T) $*" >> $R/steps.txt; }
for code in c3af2a6 9ae435c 2ec2273 c3af2a6-again; do
  case $code in c3af2a6*) JJ=$JNEW;; 9ae435c) JJ=$JMID;; *) JJ=$JOLD;; esac
  step $code
  timeout 80 $JJ $M bench $OLD --size 1280x720 --frames 200 --device gpu --threads 16 --json $R/bench3-oldstreet-$code.json > $R/bench3-oldstreet-$code.txt 2>&1; pack
done
step street
timeout 80 $JNEW $M bench scenes/examples/urban-street.yaml --size 1280x720 --frames 200 --device gpu --threads 16 --json $R/bench3-street-c3af2a6.json > $R/bench3-street-c3af2a6.txt 2>&1; pack
step done
