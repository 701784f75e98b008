#!/bin/bash
# Batch auto-annotation on a SLURM cluster: one array task per shard.
#
#   sbatch --array=0-15 packaging/slurm/annotate-array.sh /shared/pacs-export /shared/out
#   # when every task has finished:
#   samsp merge /shared/out/shard-* --out /shared/out/merged --format coco,dicom-seg
#
# Each task processes the items whose key hashes to its index (samsp annotate
# --shard i/N): no item is done twice and no coordination is needed. A task that
# is pre-empted or killed can simply be resubmitted: it resumes where it stopped
# (finished items are skipped by content hash; no partial files are left).
#
#SBATCH --job-name=samsp-annotate
#SBATCH --cpus-per-task=8
#SBATCH --mem=16G
#SBATCH --time=04:00:00
#SBATCH --output=samsp-annotate-%A_%a.log
# For GPU nodes add:  #SBATCH --gres=gpu:1   (samsp picks CUDA when it is there)
set -euo pipefail

INPUT=${1:?input folder (images or DICOM)}
OUT=${2:?output folder on shared storage}
MODEL=${SAMSP_MODEL:-}              # default: the bundled model
FORMATS=${SAMSP_FORMATS:-png,coco,dicom-seg}
N=${SLURM_ARRAY_TASK_COUNT:?run with sbatch --array}
I=${SLURM_ARRAY_TASK_ID:?run with sbatch --array}
# Array indices may not start at 0 (e.g. --array=1-16): shard by position.
I=$(( I - ${SLURM_ARRAY_TASK_MIN:-0} ))

exec samsp annotate "$INPUT" --out "$OUT/shard-$I" --shard "$I/$N" --format "$FORMATS" \
  ${MODEL:+--model "$MODEL"}
