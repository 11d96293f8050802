#!/usr/bin/env bash
# Submits a render split across a Slurm cluster: a job array of SHARDS tasks, one GPU each
# (slurm-render.sbatch), then a merge job (slurm-merge.sbatch) that Slurm holds until every
# task of the array has succeeded (--dependency=afterok:<array job id>).
#
#   examples/farm/slurm-submit.sh SCENE OUT_DIR SHARDS [render options...]
#   e.g. examples/farm/slurm-submit.sh scenes/examples/urban-street.yaml /shared/street 16 --frames 100000
#
# OUT_DIR must be a folder every node sees. It ends up holding shards/shard-NNNN (one finished
# dataset per task), logs/ (one log per job) and, after the merge, dataset/.
#
# Environment:
#   SYNTHSCENE_SBATCH_OPTS  more sbatch options for both jobs, e.g. "--partition=gpu --time=4:00:00"
#   SYNTHSCENE_MAX_PARALLEL at most this many render tasks at a time (default: no limit)
#   SYNTHSCENE              the command the jobs run (default: this checkout's launcher, built
#                           here first so that the tasks do not all build at once)
#   SYNTHSCENE_DEVICE       --device for the renders (default gpu)
# Prints the job ids on stdout as render_job=ID and merge_job=ID.
set -euo pipefail

if [ $# -lt 3 ] || ! [[ $3 =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: $0 SCENE OUT_DIR SHARDS [render options...]" >&2
  exit 2
fi
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
scene=$(realpath -e "$1")
out=$(realpath -m "$2")
shards=$3
shift 3

export SYNTHSCENE=${SYNTHSCENE:-$(cd "$here/../.." && pwd)/synthscene}
"$SYNTHSCENE" --version >/dev/null   # the launcher builds now, once, when the build is stale

mkdir -p "$out/logs"
read -r -a sbatch_opts <<< "${SYNTHSCENE_SBATCH_OPTS:-}"
array="0-$((shards - 1))${SYNTHSCENE_MAX_PARALLEL:+%$SYNTHSCENE_MAX_PARALLEL}"

render_job=$(sbatch --parsable --array="$array" --output="$out/logs/render-%A_%a.out" \
             "${sbatch_opts[@]}" "$here/slurm-render.sbatch" "$scene" "$out" "$@")
render_job=${render_job%%;*}   # --parsable prints "id" or "id;cluster"
merge_job=$(sbatch --parsable --dependency="afterok:$render_job" --output="$out/logs/merge-%j.out" \
            "${sbatch_opts[@]}" "$here/slurm-merge.sbatch" "$out" "$shards")
merge_job=${merge_job%%;*}

echo "submitted render array $render_job ($shards shards) and merge job $merge_job (runs after the whole array succeeded)" >&2
echo "render_job=$render_job"
echo "merge_job=$merge_job"
