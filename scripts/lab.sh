#!/usr/bin/env bash
# make lab: JupyterLab if installed, else the classic Notebook, on notebooks/,
# with token authentication on. Prints the URL with its token.
# The token reaches Jupyter through the environment (JUPYTER_TOKEN), never the
# command line, which every local user can read with ps; a process's
# environment is readable only by its owner.
#   LAB_IP=127.0.0.1 (0.0.0.0 to reach it from another machine), LAB_PORT=8888
set -euo pipefail
source "$(dirname "$0")/common.sh"
require_setup
cd "$ROOT/notebooks"

JUPYTER_TOKEN="$("$PY" -c 'import secrets; print(secrets.token_hex(24))')"
export JUPYTER_TOKEN
ip="${LAB_IP:-127.0.0.1}"
port="${LAB_PORT:-8888}"
args=(--no-browser "--ip=$ip" "--port=$port" --port-retries=0)
[[ $(id -u) == 0 ]] && args+=(--allow-root)
if "$PY" -c 'import jupyterlab' 2>/dev/null; then
	app=(-m jupyterlab "--ServerApp.root_dir=$PWD")
	name=JupyterLab
else
	app=(-m notebook "--NotebookApp.notebook_dir=$PWD")
	name="Jupyter Notebook (JupyterLab is not installed: pip install --user jupyterlab to get it)"
fi
say "starting $name on notebooks/ with the GoNB kernel"
say "open: http://$ip:$port/?token=$JUPYTER_TOKEN"
exec "$PY" "${app[@]}" "${args[@]}"
