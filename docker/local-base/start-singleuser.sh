#!/bin/bash
# Imitation of docker-stacks' start-singleuser: the JupyterHub single-user server.
set -e
exec jupyterhub-singleuser "$@"
