#!/usr/bin/env bash
# Builds, in pt-BR and en, the review deck of every client of both sample workspaces and each
# workspace's CS Ops portfolio report (as PDF and a PNG contact sheet too when LibreOffice is
# installed), and one client's kickoff deck, kickoff, hand-over and review minutes: every
# shipped template is used. Usage: build_samples.sh DECKGEN OUT
set -euo pipefail
deckgen=${1:-deckgen}
out=${2:-out}
pdf=""
command -v soffice >/dev/null && pdf="--pdf"
for ws in sample_data/*/; do
  ws=${ws%/}
  name=$(basename "$ws")
  period=$(cat "$ws/review-period.txt")
  case "$name" in  # the client whose meeting documents are built
    gcertifica) client="Horizonte" ;;
    sismetro) client="Frigorífico" ;;
    *) client="" ;;
  esac
  for lang in pt-BR en; do
    dest="$out/$name/$lang"
    "$deckgen" build --all --data "$ws" --period "$period" --lang "$lang" --out "$dest" $pdf
    "$deckgen" portfolio --data "$ws" --period "$period" --lang "$lang" --out "$dest" $pdf
    if [ -n "$client" ]; then
      "$deckgen" kickoff "$client" --client-deck --data "$ws" --lang "$lang" --out "$dest"
      "$deckgen" kickoff "$client" --data "$ws" --lang "$lang" --out "$dest"
      "$deckgen" handoff "$client" --data "$ws" --lang "$lang" --out "$dest"
      "$deckgen" minutes "$client" --data "$ws" --period "$period" --lang "$lang" --out "$dest"
    fi
  done
done
if [ -n "$pdf" ] && command -v pdftoppm >/dev/null; then
  # a contact sheet (PNG) of every deck and document (decks from the PDFs just written)
  find "$out" \( -name '*.pptx' -o -name '*.docx' \) -print0 | sort -z | xargs -0 "$deckgen" preview
fi
if [ -n "$pdf" ] && command -v pdftotext >/dev/null; then
  # the layout check of every deck written (deckgen.render.pptx.layout): text inside its
  # slide and box, nothing over the footer or other text, balanced continuation slides,
  # positive chart axis ids; reuses the PDFs written beside the decks
  python="$(dirname "$(command -v "$deckgen")")/python"
  [ -x "$python" ] || python=python3
  "$python" -m deckgen.render.pptx.layout "$out"
fi
echo "sample decks and documents in $out/"
