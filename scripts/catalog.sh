#!/usr/bin/env bash
# The message catalog (see README, "Languages"): gather the messages from the code, merge them
# into the Vietnamese translations, and compile what the program reads.
#
#   bash scripts/catalog.sh update    # after adding or changing a message in the code
#   bash scripts/catalog.sh compile   # after translating in src/kehoach/locale/vi/LC_MESSAGES/kehoach.po
#
# Babel (a dev dependency) does the work; the program itself reads the .mo with Python's gettext.
set -euo pipefail
cd "$(dirname "$0")/.."
PYBABEL=${PYBABEL:-.venv/bin/pybabel}
LOCALE=src/kehoach/locale
case "${1:-}" in
    update)
        "$PYBABEL" extract -F babel.cfg --no-location --sort-output --project kehoach \
            --copyright-holder "kehoach" -o "$LOCALE/kehoach.pot" src/kehoach
        "$PYBABEL" update -i "$LOCALE/kehoach.pot" -d "$LOCALE" -D kehoach -l vi --no-fuzzy-matching --ignore-obsolete
        ;;
    compile)
        "$PYBABEL" compile -d "$LOCALE" -D kehoach -l vi --statistics
        ;;
    *)
        echo "usage: bash scripts/catalog.sh update|compile" >&2
        exit 2
        ;;
esac
