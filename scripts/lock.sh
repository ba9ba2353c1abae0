#!/usr/bin/env bash
# Regenerate requirements.lock: resolve every dependency of ezlib (all extras) in a throw-away
# venv and freeze the exact versions. Commit the result; scripts/ensure_venv.sh installs with it.
set -euo pipefail
py=${PYTHON:-python3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$py" -m venv "$tmp/venv"
"$tmp/venv/bin/python" -m pip install --quiet --disable-pip-version-check ".[dev,lab]" \
  2> >(grep -v "is neither a file nor a directory" >&2)
{
  echo "# Pinned versions of every ezlib dependency (all extras), resolved by 'make lock'"
  echo "# on $("$py" --version 2>&1). Used as pip constraints by scripts/ensure_venv.sh."
  "$tmp/venv/bin/python" -m pip freeze --exclude-editable | grep -v -i '^ezlib[ =@]'
} > requirements.lock.new
mv requirements.lock.new requirements.lock
echo "requirements.lock: $(grep -vc '^#' requirements.lock) packages pinned"
