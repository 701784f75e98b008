#!/usr/bin/env python3
"""Paired bootstrap of the SAM-SP Dice difference between two `samsp eval --json` runs
on the same images (B minus A): mean, 95 % interval, share of resamples below zero.

    python3 docs/paired_bootstrap.py A.json B.json [--seed 2026] [--resamples 20000]
"""
import argparse
import json
import random


def dice_by_name(path):
    rows = json.load(open(path))["rows"]
    return {r["name"]: r["samsp"]["dice"] for r in rows}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("a")
    ap.add_argument("b")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--resamples", type=int, default=20000)
    args = ap.parse_args()
    a, b = dice_by_name(args.a), dice_by_name(args.b)
    names = sorted(set(a) & set(b))
    if not names:
        raise SystemExit("the two runs share no image")
    diffs = [b[n] - a[n] for n in names]
    rng = random.Random(args.seed)
    means = sorted(sum(rng.choice(diffs) for _ in diffs) / len(diffs) for _ in range(args.resamples))
    lo, hi = means[int(0.025 * len(means))], means[int(0.975 * len(means)) - 1]
    print(f"{len(names)} images: A {sum(a[n] for n in names) / len(names):.4f}, B {sum(b[n] for n in names) / len(names):.4f}, "
          f"B - A {sum(diffs) / len(diffs):+.4f}, 95 % interval {lo:+.4f} to {hi:+.4f}, "
          f"below zero in {sum(m < 0 for m in means) / len(means):.1%} of {len(means)} resamples")


if __name__ == "__main__":
    main()
