#!/usr/bin/env bash
# Installs the system packages deckgen's checks use, when missing and when we may (root):
# LibreOffice (PDF conversion), poppler-utils (page counts, text boxes) and the fonts that
# text measurement and rendering share. Without root it only says what is missing.
set -euo pipefail
packages=(libreoffice-impress libreoffice-writer poppler-utils fonts-liberation fonts-dejavu-core fonts-crosextra-carlito fonts-noto-color-emoji)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "note: missing system packages (PDF checks will be skipped): ${missing[*]}" >&2
  exit 0
fi
echo "installing ${missing[*]}" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
