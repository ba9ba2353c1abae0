#!/usr/bin/env bash
# Create or refresh a project venv, but only when pyproject.toml or requirements.lock changed
# since its last good install (the key is their sha256 plus the extras), so an up-to-date venv
# costs a few milliseconds. Usage: scripts/ensure_venv.sh VENV_DIR EXTRAS  (e.g. .venv dev)
set -euo pipefail
venv=${1:?venv dir}
extras=${2:?extras, e.g. dev or dev,lab}
py=${PYTHON:-python3}
stamp="$venv/.ezlib-setup"
key="$(cat pyproject.toml requirements.lock | sha256sum | cut -d' ' -f1) [$extras]"

if [ -x "$venv/bin/python" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$key" ]; then
  exit 0
fi

if ! "$py" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null; then
  echo "ezlib needs Python 3.11; '$py' is $("$py" --version 2>&1). Set PYTHON=/path/to/python3.11." >&2
  exit 1
fi

echo "setting up $venv (pyproject.toml or requirements.lock changed) ..."
[ -x "$venv/bin/python" ] || "$py" -m venv "$venv"
rm -f "$stamp"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
  -c requirements.lock -e ".[$extras]" 2> >(grep -v "is neither a file nor a directory" >&2)
"$venv/bin/python" -m pip check
echo "$key" > "$stamp"
echo "$venv is ready."
