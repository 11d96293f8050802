#!/usr/bin/env bash
# Integration test of the Slurm examples on a real, single-node Slurm cluster on this machine:
# starts munged, slurmctld and slurmd on 127.0.0.1, submits examples/farm/slurm-submit.sh (a job
# array of 4 render shards plus a merge job that depends on the array), waits for both, and
# checks that the merged dataset equals a single-process render of the same frames, file by file
# (.ci/compare_datasets.py). Exit status 0 only if everything matched.
#
# .ci/run calls it after the Maven tests; SYNTHSCENE_SKIP_SLURM=1 skips it. Needs root: it may
# apt-get install slurm-wlm and munge, and it runs the daemons (munged as the munge user, the
# Slurm daemons and the jobs as root). Everything it writes is in one temporary folder; whatever
# happens, it cancels its jobs, stops the daemons it started (by pid) and removes that folder.
# The daemons listen on two free ports from 16817 up, not on Slurm's defaults, and find munged
# through its own socket, so a Slurm or MUNGE already on the machine is left alone.
#
# Environment: SYNTHSCENE_SLURM_TIMEOUT, seconds to wait for the jobs (default 600);
# SYNTHSCENE_SLURM_KEEP=1 keeps the temporary folder (logs, datasets) for a look afterwards.
set -euo pipefail

if [ "${SYNTHSCENE_SKIP_SLURM:-0}" = 1 ]; then
  echo "slurm-test: skipped (SYNTHSCENE_SKIP_SLURM=1)"
  exit 0
fi
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)   # physical: the jobs see the scene by its real path
scene="$root/scenes/examples/table-top.yaml"
shards=4
render_options=(--frames 8 --size 96x72)
timeout_s=${SYNTHSCENE_SLURM_TIMEOUT:-600}
started=$SECONDS

log() { echo "slurm-test: $*"; }
fail() { echo "slurm-test: FAILED: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || fail "needs root (to run munged and the Slurm daemons); SYNTHSCENE_SKIP_SLURM=1 skips this test"

missing=()
for tool in slurmctld slurmd sbatch squeue scancel scontrol sinfo munged munge unmunge; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
command -v python3 >/dev/null || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing slurm-wlm, munge, python3 (missing: ${missing[*]})"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends slurm-wlm munge python3 >/dev/null
fi

# Build now, once: the launcher would otherwise build in the first job that finds it stale.
"$root/synthscene" --version >/dev/null
log "synthscene built or up to date in $((SECONDS - started)) s"
cluster_started=$SECONDS

tmp=$(mktemp -d /tmp/synthscene-slurm-test.XXXXXX)
chmod 755 "$tmp"   # munged, as the munge user, must reach its socket folder inside
pids=()            # daemons we started, stopped in reverse order

cleanup() {
  local status=$?
  set +e
  [ -n "${reference_pid:-}" ] && kill -TERM "$reference_pid" 2>/dev/null && wait "$reference_pid" 2>/dev/null
  if [ ${#pids[@]} -ge 2 ]; then   # slurmctld is up: end our jobs while the daemons can still do it in order
    scancel --quiet --user=root 2>/dev/null   # only jobs of this cluster: SLURM_CONF points at it
    for _ in $(seq 100); do [ -z "$(squeue -h -o %i 2>/dev/null)" ] && break; sleep 0.1; done
  fi
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    kill -TERM "${pids[i]}" 2>/dev/null
  done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  done
  # Left only when the daemons stopped before a job ended: the job's slurmstepd (it ignores
  # SIGTERM) and its processes, known by our slurm.conf in their environment.
  if [ -n "${SLURM_CONF:-}" ]; then
    for proc in /proc/[0-9]*; do
      grep -qzxF "SLURM_CONF=$SLURM_CONF" "$proc/environ" 2>/dev/null || continue
      if [ "$(cat "$proc/comm" 2>/dev/null)" = slurmstepd ] || grep -qz '^SLURM_JOB_ID=' "$proc/environ" 2>/dev/null; then
        kill -KILL "${proc#/proc/}" 2>/dev/null
      fi
    done
  fi
  if [ "$status" != 0 ]; then
    for f in "$tmp"/out/logs/* "$tmp"/slurm/log/*.log "$tmp"/munge/munged.out; do
      [ -f "$f" ] && { echo "----- ${f#"$tmp"/} (end)"; tail -n 15 "$f"; }
    done
  fi
  if [ "${SYNTHSCENE_SLURM_KEEP:-0}" = 1 ]; then
    log "kept $tmp"
  else
    rm -rf "$tmp"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  local port=$1
  while ! port_is_free "$port" || ! port_is_free "$((port + 1))"; do port=$((port + 2)); done
  echo "$port"
}

# --- MUNGE: a key and a socket of our own, munged as the munge user (it refuses insecure paths).
mkdir -p "$tmp/munge/etc" "$tmp/munge/run"
if command -v mungekey >/dev/null; then
  mungekey --create --keyfile="$tmp/munge/etc/munge.key"
else   # MUNGE before 0.5.14 has no mungekey: any 1024 random bytes make a key
  head -c 1024 /dev/urandom >"$tmp/munge/etc/munge.key"
fi
chmod 400 "$tmp/munge/etc/munge.key"
chown -R munge:munge "$tmp/munge"
chmod 700 "$tmp/munge/etc"
chmod 755 "$tmp/munge/run"
socket="$tmp/munge/run/munge.socket"
setpriv --reuid=munge --regid=munge --init-groups \
  munged --foreground --socket="$socket" --key-file="$tmp/munge/etc/munge.key" \
         --pid-file="$tmp/munge/run/munged.pid" --seed-file="$tmp/munge/etc/munged.seed" \
         --log-file="$tmp/munge/etc/munged.log" >"$tmp/munge/munged.out" 2>&1 &
pids+=($!)
for _ in $(seq 100); do [ -S "$socket" ] && break; sleep 0.05; done
munge --socket="$socket" --no-input | unmunge --socket="$socket" >/dev/null \
  || fail "munged did not start: $(cat "$tmp/munge/munged.out")"

# --- Slurm: one node at 127.0.0.1 with all its CPUs and four pretend GPUs, so that the shipped
# job script, --gres=gpu:1 included, runs as it is. The GPUs are character devices that are
# copies of /dev/null: no cgroups here, so Slurm only counts them.
node=$(hostname -s)
cpus=$(nproc)
port=$(free_port 16817)
mkdir -p "$tmp/slurm/state" "$tmp/slurm/spool" "$tmp/slurm/log" "$tmp/slurm/dev"
gpus=4
for ((i = 0; i < gpus; i++)); do
  mknod "$tmp/slurm/dev/gpu$i" c 1 3 2>/dev/null || { gpus=1; break; }
done
if [ "$gpus" = 4 ]; then
  echo "NodeName=$node Name=gpu File=$tmp/slurm/dev/gpu[0-3]" >"$tmp/slurm/gres.conf"
else   # no mknod in this container: one pretend GPU, so the tasks run one at a time
  echo "NodeName=$node Name=gpu File=/dev/null" >"$tmp/slurm/gres.conf"
fi
cat >"$tmp/slurm/slurm.conf" <<CONF
ClusterName=synthscene-test
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$socket
StateSaveLocation=$tmp/slurm/state
SlurmdSpoolDir=$tmp/slurm/spool
SlurmctldPidFile=$tmp/slurm/slurmctld.pid
SlurmdPidFile=$tmp/slurm/slurmd.pid
SlurmctldLogFile=$tmp/slurm/log/slurmctld.log
SlurmdLogFile=$tmp/slurm/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
MpiDefault=none
MailProg=/bin/true
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerParameters=batch_sched_delay=0
DependencyParameters=kill_invalid_depend
ReturnToService=2
GresTypes=gpu
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus Gres=gpu:$gpus State=UNKNOWN
PartitionName=test Nodes=$node Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$tmp/slurm/slurm.conf"
slurmctld -D -c -f "$SLURM_CONF" >"$tmp/slurm/log/slurmctld.out" 2>&1 &
pids+=($!)
slurmd -D -c -f "$SLURM_CONF" -N "$node" >"$tmp/slurm/log/slurmd.out" 2>&1 &
pids+=($!)
for _ in $(seq 300); do
  [ "$(sinfo -h -n "$node" -o %t 2>/dev/null)" = idle ] && break
  sleep 0.1
done
[ "$(sinfo -h -n "$node" -o %t 2>/dev/null)" = idle ] || fail "the node did not come up: $(sinfo 2>&1)"
log "cluster up in $((SECONDS - cluster_started)) s: node $node, $cpus CPUs, $gpus pretend GPUs, slurmctld port $port"

# --- The jobs, exactly as a user submits them; the pretend GPUs cannot render, so --device cpu.
submitted=$SECONDS
ids=$(SYNTHSCENE_DEVICE=cpu SYNTHSCENE_SBATCH_OPTS="--cpus-per-task=1" \
      "$root/examples/farm/slurm-submit.sh" "$scene" "$tmp/out" "$shards" "${render_options[@]}")
render_job=$(sed -n 's/^render_job=//p' <<<"$ids")
merge_job=$(sed -n 's/^merge_job=//p' <<<"$ids")
[ -n "$render_job" ] && [ -n "$merge_job" ] || fail "slurm-submit.sh printed no job ids: $ids"
log "submitted render array $render_job and merge job $merge_job"

# The reference, one process, while the cluster works.
"$root/synthscene" render "$scene" --out "$tmp/reference" --device cpu "${render_options[@]}" >"$tmp/reference.log" 2>&1 &
reference_pid=$!

# Poll: squeue lists the jobs until they end (sbatch --wait would back off to 10 s between checks).
while [ -n "$(squeue -h -j "$render_job,$merge_job" -o %i 2>/dev/null)" ]; do
  [ $((SECONDS - submitted)) -lt "$timeout_s" ] || fail "the jobs were not done after $timeout_s s: $(squeue 2>&1)"
  sleep 0.2
done
jobs_s=$((SECONDS - submitted))
wait "$reference_pid" || fail "the single-process render failed: $(cat "$tmp/reference.log")"
reference_pid=

# Every task and the merge must have completed with exit code 0. slurmctld keeps ended jobs
# (MinJobAge, 300 s), one line per array task: "<job>[_<task>] <state> <exit code>".
job_states() {
  scontrol -o show job "$1" | awk '{ id = ""; task = ""; state = ""; code = ""
    for (i = 1; i <= NF; i++) { split($i, kv, "=")
      if (kv[1] == "JobId") id = kv[2]; else if (kv[1] == "ArrayJobId") id = kv[2]
      else if (kv[1] == "ArrayTaskId") task = "_" kv[2]
      else if (kv[1] == "JobState") state = kv[2]; else if (kv[1] == "ExitCode") code = kv[2] }
    print id task, state, code }'
}
states=$(job_states "$render_job"; job_states "$merge_job")
[ "$(grep -c ' COMPLETED 0:0$' <<<"$states")" = $((shards + 1)) ] \
  || fail "not every job completed: $(paste -sd ',' <<<"$states")"
log "the $shards render tasks and the merge completed in $jobs_s s"

python3 "$root/.ci/compare_datasets.py" "$tmp/reference" "$tmp/out/dataset" \
  || fail "the merged dataset differs from the single-process render"
log "passed in $((SECONDS - started)) s"
