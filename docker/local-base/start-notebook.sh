#!/bin/bash
# Imitation of docker-stacks' start-notebook: a single-user server when spawned by JupyterHub,
# else a Jupyter server (port and address from /etc/jupyter), token authentication on.
set -e
if [ -n "${JUPYTERHUB_API_TOKEN}" ]; then
    exec /usr/local/bin/start-singleuser.sh "$@"
fi
exec jupyter "${DOCKER_STACKS_JUPYTER_CMD:-notebook}" "$@"
