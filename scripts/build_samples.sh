#!/usr/bin/env bash
# Builds the review deck of every client of both sample workspaces, and each workspace's CS Ops
# portfolio report, in pt-BR and en, as PDF and a PNG contact sheet too when LibreOffice is installed. Usage: build_samples.sh DECKGEN OUT
set -euo pipefail
deckgen=${1:-deckgen}
out=${2:-out}
pdf=""
command -v soffice >/dev/null && pdf="--pdf"
for ws in sample_data/*/; do
  ws=${ws%/}
  period=$(cat "$ws/review-period.txt")
  for lang in pt-BR en; do
    "$deckgen" build --all --data "$ws" --period "$period" --lang "$lang" --out "$out/$(basename "$ws")/$lang" $pdf
    "$deckgen" portfolio --data "$ws" --period "$period" --lang "$lang" --out "$out/$(basename "$ws")/$lang" $pdf
  done
done
if [ -n "$pdf" ] && command -v pdftoppm >/dev/null; then
  # a contact sheet (PNG) of every deck, from the PDFs just written
  find "$out" -name '*.pptx' -print0 | sort -z | xargs -0 "$deckgen" preview
fi
echo "sample decks in $out/"
