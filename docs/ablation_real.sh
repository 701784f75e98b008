#!/usr/bin/env bash
# The real-data ablation of docs/ablation.md (PH2, 5-minute budgets, one thread each).
#   bash docs/real_data_splits.sh ../shared/realdata/skin-ph2 /tmp/ph2
#   bash docs/ablation_real.sh ./build/app/cli/samsp /tmp/ph2 /tmp/ph2-ablation
set -euo pipefail
B=${1:?samsp binary}; D=${2:?split folder}; O=${3:?output folder}
mkdir -p "$O"
common=(--data "$D/train" --config "$(dirname "$0")/configs/tinyvit-medium.json" --image-size 256 --minutes 5 --batch 8
        --lr 1e-3 --seed 1 --threads 1 --dtype auto
        --interactive-passes 1 --click-sampling uniform) # the click defaults of the time (session 7)
"$B" train "${common[@]}" --out "$O/beta0.safetensors" --beta 0
"$B" train "${common[@]}" --out "$O/beta1.safetensors" --beta 1 --temperature 1
"$B" train "${common[@]}" --out "$O/beta1_t2.safetensors" --beta 1 --temperature 2
"$B" train "${common[@]}" --out "$O/noclick.safetensors" --beta 0 --interactive-passes 0
"$B" train --data "$D/train" --config "$(dirname "$0")/configs/tinyvit-medium.json" --image-size 256 --epochs 0 --seed 1 \
    --out "$O/untrained.safetensors"
for m in untrained beta0 beta1 beta1_t2 noclick; do
  "$B" eval --model "$O/$m.safetensors" --data "$D/val" --dtype fp32 --json > "$O/val_$m.json"
  "$B" eval --model "$O/$m.safetensors" --data "$D/test" --interactive --dtype fp32 --json > "$O/test_$m.json"
done
