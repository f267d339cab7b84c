# Sourced by start.sh (docker-stacks' before-notebook.d hook) before Jupyter
# starts: gives the student their own copy of the course's notebooks in
# ~/work/optimizers, never overwriting one they already have, so a host folder
# or volume mounted on /home/jovyan/work keeps their changes. The course
# library itself stays in $NNCOURSE_DIR, which the notebooks' first cell
# points GoNB at.
#
# The copy is made as the notebook user whatever the start mode: started as
# root (docker run --user root, the documented way to use NB_UID, CHOWN_HOME
# or GRANT_SUDO), start.sh runs this hook as root before switching to
# $NB_USER, and root-owned copies would be notebooks the student cannot save.
nncourse_user="${NB_USER:-jovyan}"
nncourse_home="${HOME}"
nncourse_as_user=()
if [ "$(id -u)" = 0 ]; then
    nncourse_home="$(getent passwd "${nncourse_user}" | cut -d: -f6)"
    nncourse_as_user=(setpriv --reuid="$(id -u "${nncourse_user}")" --regid="$(id -g "${nncourse_user}")" --init-groups)
fi
if [ -d "${NNCOURSE_DIR}/notebooks" ] && "${nncourse_as_user[@]}" mkdir -p "${nncourse_home}/work/optimizers" 2>/dev/null; then
    "${nncourse_as_user[@]}" sh -c 'cp -n "$1"/notebooks/*.ipynb "$2"/ 2>/dev/null' sh "${NNCOURSE_DIR}" "${nncourse_home}/work/optimizers" || true
else
    echo "nncourse: cannot create ${nncourse_home}/work/optimizers as ${nncourse_user}; the notebooks are in ${NNCOURSE_DIR}/notebooks"
fi
unset nncourse_user nncourse_home nncourse_as_user
