#!/usr/bin/env bash
# Reproduces the synthetic-data ablation in docs/ablation.md and the bundled default model
# of sessions 1-7 (synthetic data only). Today's bundled model: docs/reproduce_bundled_model.sh.
# Run from the repository root after building (cmake --preset release && cmake --build build).
# Takes about 55 minutes on the 2-core CI machine kind (two 12-epoch trainings).
set -euo pipefail
samsp=./build/app/cli/samsp
work=${1:-/tmp/samsp-default-model}
mkdir -p "$work"
cat > "$work/small.json" <<'JSON'
{"variant": "samsp-small", "embed_dim": 96, "depth": 4, "num_heads": 3, "global_attn_indexes": [1, 3], "image_size": 256, "window_size": 8}
JSON
# Training data (seed 1) and a held-out set made with another seed (2).
$samsp synth --seed 1 --count 1500 --size 256 --out "$work/train"
$samsp synth --seed 2 --count 100 --size 256 --out "$work/heldout"
# These models predate the click passes and the IoU-head loss (added 2026-11-29): both off.
common=(--data "$work/train" --config "$work/small.json" --image-size 256 --epochs 12 --batch 8 --lr 1e-3 --warmup 50 --seed 0 --fp16
        --interactive-passes 0 --iou-weight 0)
# (d) SAM-SP with self-distillation (beta 1, T 1).
$samsp train "${common[@]}" --out "$work/samsp-distill.safetensors"
# (c) the same without self-distillation: the bundled model (better on the seed-3 validation set).
$samsp train "${common[@]}" --beta 0 --out "$work/samsp-nodistill.safetensors"
# (a) the same network untrained (initial weights of seed 0).
$samsp train --data "$work/train" --config "$work/small.json" --image-size 256 --epochs 0 --seed 0 --fp16 --out "$work/samsp-untrained.safetensors"
# Model choice on a validation set made with a third seed; the held-out set only reports.
$samsp synth --seed 3 --count 100 --size 256 --out "$work/val3"
for m in untrained nodistill distill; do
  $samsp eval --model "$work/samsp-$m.safetensors" --data "$work/val3" --json > "$work/val3-$m.json"
  $samsp eval --model "$work/samsp-$m.safetensors" --data "$work/heldout" --json > "$work/eval-$m.json"
done
echo "the synthetic-only model (bundled until session 8): $work/samsp-nodistill.safetensors"
