#!/bin/bash
# Imitation of docker-stacks' start.sh: run the before-notebook hooks, then the command.
# (The real one also switches user, grants sudo when asked, and fixes permissions when
# started as root; the course image always runs as jovyan, so none of that is imitated.)
set -e
for hook in /usr/local/bin/before-notebook.d/*; do
    case "${hook}" in
        *.sh) echo "start.sh: sourcing ${hook}"; source "${hook}" ;;
        *) [ -x "${hook}" ] && { echo "start.sh: running ${hook}"; "${hook}"; } ;;
    esac
done
exec "$@"
