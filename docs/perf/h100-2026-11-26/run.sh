#!/usr/bin/env bash
# The script that took the H100 figures of docs/PERFORMANCE.md (the last of five calls that day),
# run there as `bash .gpu/run.sh bash .gpu/final.sh` from the checkout root, with .gpu/ made by
# ../shared/gpu/bundle.sh, the project's own jars copied into .gpu/patch/ and the stack sampler
# (docs/tools/StackSampler.java, compiled) as .gpu/sampler.jar; $OUT is the folder whose files
# come back from that machine.
#
# Steps: the README command, determinism across thread counts, bench at three sizes, a profile
# of the whole render, the 1280x720 bench again, and (in the fourth call of the day) the
# 20,000-frame memory soak. Everything lands in $OUT/r/, packed into $OUT/results.tgz after each
# step (few files may come back).
R=$OUT/r; mkdir -p $R
pack() { tar -C $OUT -czf $OUT/results.tgz r; }
J="java -cp .gpu/patch/*:/tmp/gpu-app/*:.gpu/sampler.jar"
M=io.synthscene.cli.Main
S=scenes/examples/urban-street.yaml
{ date -u; nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv; nproc; lscpu | grep 'Model name'; free -g | head -2; } > $R/machine.txt 2>&1
# 1. the README command, on the GPU
{ time $J $M render $S --out /tmp/readme --frames 200 --device gpu; } > $R/readme-render.txt 2>&1
cp /tmp/readme/dataset.json $R/readme-dataset.json; cp /tmp/readme/images/000003.png $R/readme-000003.png; pack
# 2. same bytes with 16 and 3 writer threads (sensor noise included)
$J $M render $S --out /tmp/t16 --frames 24 --size 1280x720 --device gpu --threads 16 > /dev/null 2>&1
$J $M render $S --out /tmp/t3 --frames 24 --size 1280x720 --device gpu --threads 3 > /dev/null 2>&1
{ diff -r /tmp/t16 /tmp/t3 | grep -v dataset.json | head; echo "diff exit (dataset.json times differ): done"; ls /tmp/t16/images | wc -l; } > $R/determinism.txt 2>&1; pack
# 3. bench at three sizes
for s in 1280x720 640x480 1920x1080; do
  timeout 170 $J $M bench $S --size $s --frames 200 --device gpu --threads 16 --json $R/bench-$s.json > $R/bench-$s.txt 2>&1; pack
done
# 4. profile of the whole render, 1280x720 JPEG
{ time SAMPLER_OUT=$R/profile-1280x720-jpeg.txt $J StackSampler $M render $S --out /tmp/prof --frames 1500 --size 1280x720 --image-format jpeg --device gpu --threads 16; } > $R/profile-render.txt 2>&1; pack
rm -rf /tmp/prof /tmp/t16 /tmp/t3 /tmp/readme
# 5. the 1280x720 bench again, for repeatability
timeout 120 $J $M bench $S --size 1280x720 --frames 200 --device gpu --threads 16 --json $R/bench-1280x720-again.json > $R/bench-1280x720-again.txt 2>&1; pack
# 6. memory soak: 20,000 frames, peak RSS sampled every 1,000 frames
java -Xms2g -Xmx2g -XX:+AlwaysPreTouch -cp ".gpu/patch/*:/tmp/gpu-app/*" $M render $S --out /tmp/soak --frames 20000 --image-format jpeg --device gpu --threads 16 > $R/soak-log.txt 2>&1 &
pid=$!; next=1000; start=$(date +%s)
echo "frames VmRSS_kB VmHWM_kB seconds" > $R/soak.txt
while kill -0 $pid 2>/dev/null; do
  n=$(ls /tmp/soak/frames 2>/dev/null | wc -l)
  if [ "$n" -ge "$next" ]; then echo "$n $(awk '/VmRSS/{print $2}' /proc/$pid/status) $(awk '/VmHWM/{print $2}' /proc/$pid/status) $(( $(date +%s) - start ))" >> $R/soak.txt; next=$((next + 1000)); pack; fi
  sleep 0.3
done
wait $pid; echo "exit $?" >> $R/soak.txt; tail -3 $R/soak-log.txt >> $R/soak.txt; pack
