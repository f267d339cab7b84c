#!/bin/bash
# Imitation of docker-stacks' start.sh: run the before-notebook hooks, then the command.
# Started as root, it does what the real one does in its root mode (the documented way
# to use NB_UID, CHOWN_HOME, GRANT_SUDO): the hooks run as root, then the command runs
# as $NB_USER through sudo. (The real one also renames the user, changes its uid and
# fixes permissions on request; those are not imitated.)
set -e
for hook in /usr/local/bin/before-notebook.d/*; do
    case "${hook}" in
        *.sh) echo "start.sh: sourcing ${hook}"; source "${hook}" ;;
        *) [ -x "${hook}" ] && { echo "start.sh: running ${hook}"; "${hook}"; } ;;
    esac
done
if [ "$(id -u)" = 0 ]; then
    echo "start.sh: running as ${NB_USER}: $*"
    exec sudo --preserve-env --set-home --user "${NB_USER}" PATH="${PATH}" "$@"
fi
exec "$@"
