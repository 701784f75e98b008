#!/usr/bin/env bash
# Rows (b)-(d) of the real-data ablation at the full 60-minute budget (docs/ablation.md,
# "Session 10" for PH2, "Session 11" for Kvasir): three runs side by side at one thread each,
# so that they share the machine alike; seed 1, the recipe's defaults otherwise (four click
# passes, interior clicks).
#   bash docs/real_data_splits.sh ../shared/realdata/skin-ph2 /tmp/ph2
#   bash docs/ablation_real_60min.sh ./build/app/cli/samsp /tmp/ph2 /tmp/ph2-ablation-60
#   bash docs/real_data_splits.sh ../shared/realdata/polyp-kvasir /tmp/kv
#   bash docs/ablation_real_60min.sh ./build/app/cli/samsp /tmp/kv /tmp/kv-ablation-60
set -euo pipefail
B=${1:?samsp binary}; D=${2:?split folder}; O=${3:?output folder}
mkdir -p "$O"
common=(--data "$D/train" --config "$(dirname "$0")/configs/tinyvit-medium.json" --image-size 256 --minutes 60 --batch 8
        --lr 1e-3 --seed 1 --threads 1 --dtype auto --interactive-passes 4 --click-sampling interior)
"$B" train "${common[@]}" --out "$O/beta0.safetensors" --beta 0 > "$O/beta0.log" 2>&1 &
"$B" train "${common[@]}" --out "$O/beta1.safetensors" --beta 1 --temperature 1 > "$O/beta1.log" 2>&1 &
"$B" train "${common[@]}" --out "$O/beta1_t2.safetensors" --beta 1 --temperature 2 > "$O/beta1_t2.log" 2>&1 &
wait
for m in beta0 beta1 beta1_t2; do
  "$B" eval --model "$O/$m.safetensors" --data "$D/val" --interactive --dtype fp32 --json > "$O/val_$m.json"
  "$B" eval --model "$O/$m.safetensors" --data "$D/test" --interactive --dtype fp32 --json > "$O/test_$m.json"
done
