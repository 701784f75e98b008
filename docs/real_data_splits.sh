#!/usr/bin/env bash
# The fixed real-data splits every real-data figure in docs/ and the README uses.
# Each pair is placed by the SHA-256 of "SEED:NAME" (sorted), so the split is the
# same on every machine and never depends on file order: the first 15 % are the
# held-out TEST split (nobody trains or tunes on it), the next 15 % VAL (choose
# settings here), the rest TRAIN. SEED is fixed once: 2026.
#
#   bash docs/real_data_splits.sh ../shared/realdata/polyp-kvasir OUT_DIR
#
# writes OUT_DIR/{train,val,test,trainval}/{images,masks}/ as symbolic links to the
# shared files (nothing is copied). `trainval` = train + val for `samsp train`,
# whose own --val-fraction then holds out its validation share.
set -euo pipefail
SEED=2026
src=${1:?data folder with images/ and masks/}
out=${2:?output folder}
mapfile -t names < <(cd "$src/images" && ls | while read -r f; do
  printf '%s %s\n' "$(printf '%s:%s' "$SEED" "$f" | sha256sum | cut -c1-16)" "$f"; done | sort | cut -d' ' -f2-)
n=${#names[@]}
ntest=$(( n * 15 / 100 )); nval=$(( n * 15 / 100 ))
for part in train val test trainval; do rm -rf "${out:?}/$part"; mkdir -p "$out/$part/images" "$out/$part/masks"; done
link() { # part name
  local stem=${2%.*} m
  m=$(ls "$src/masks/$stem".* 2>/dev/null | head -1)
  [ -n "$m" ] || { echo "no mask for $2" >&2; return 1; }
  ln -sf "$(realpath "$src/images/$2")" "$out/$1/images/$2"
  ln -sf "$(realpath "$m")" "$out/$1/masks/$(basename "$m")"
}
for i in "${!names[@]}"; do
  f=${names[$i]}
  if (( i < ntest )); then link test "$f"
  elif (( i < ntest + nval )); then link val "$f"; link trainval "$f"
  else link train "$f"; link trainval "$f"; fi
done
echo "$src: $n pairs -> test $ntest, val $nval, train $(( n - ntest - nval )) (seed $SEED)"
