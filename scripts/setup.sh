#!/usr/bin/env bash
# Set up kehoach on a fresh machine: the programs it calls (Tesseract with its Vietnamese
# data for scans, LibreOffice's Writer for legacy .doc; with --dev also Chromium, in which the
# report's tests open the page), then a virtual environment in .venv with the package installed.
#
#   bash scripts/setup.sh          # the tool
#   bash scripts/setup.sh --dev    # the tool and what the tests need
#
# System packages are installed with apt-get when run as root on Debian or Ubuntu; otherwise
# the command that installs them is printed, and kehoach works without them for .txt, .docx
# and text PDFs (a scan or a .doc then gets one line saying what to install).
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(tesseract-ocr tesseract-ocr-vie libreoffice-writer-nogui)
extras=""
if [[ "${1:-}" == "--dev" ]]; then
    extras="[dev]"
    PACKAGES+=(chromium)  # the report's tests open it in a real browser
fi

missing=()
command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx vie || missing+=(tesseract-ocr tesseract-ocr-vie)
command -v soffice >/dev/null 2>&1 || command -v libreoffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
[[ -n "$extras" ]] && ! command -v chromium >/dev/null 2>&1 && missing+=(chromium)

if ((${#missing[@]})); then
    if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
        echo "setup: installing ${PACKAGES[*]} with apt-get" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq "${PACKAGES[@]}" >/dev/null
    elif command -v apt-get >/dev/null 2>&1; then
        echo "setup: for scans and .doc files, install as root: sudo apt-get install ${PACKAGES[*]}" >&2
    else
        echo "setup: for scans and .doc files, install Tesseract with its Vietnamese data and LibreOffice" \
             "(macOS: brew install tesseract tesseract-lang libreoffice; Windows: see README)" >&2
    fi
fi

python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".${extras}"
echo "setup: done; try .venv/bin/kehoach --help" >&2
