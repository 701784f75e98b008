#!/usr/bin/env python3
"""Where clicks saved comes from: per image of a `samsp eval --interactive --json` run,
NoC@90 from nothing minus NoC@90 from the proposal, grouped by what happened.

    python3 docs/clicks_breakdown.py RUN.json
"""
import json
import sys
from collections import defaultdict


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    j = json.load(open(sys.argv[1]))["interactive"]
    cap = j["max_clicks"]
    nothing = {r["name"]: r["noc90"] for r in j["from_nothing"]["rows"]}
    proposal = {r["name"]: r["noc90"] for r in j["from_proposal"]["rows"]}
    groups = defaultdict(list)
    for name, p in proposal.items():
        n = nothing[name]
        if p == 0:
            g = "proposal already >= 0.90"
        elif p == cap and n == cap:
            g = "neither reaches 0.90"
        elif p == cap:
            g = "only from nothing"
        elif n == cap:
            g = "only from the proposal"
        else:
            g = "both reach 0.90"
        groups[g].append(n - p)
    total = len(proposal)
    print(f"{total} images, clicks saved {j['clicks_saved']:.2f}")
    for g, saved in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        print(f"  {g}: {len(saved)} images, {sum(saved) / len(saved):.2f} saved each, "
              f"{sum(saved) / total:.2f} of the mean")


if __name__ == "__main__":
    main()
