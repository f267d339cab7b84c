# Sourced by start.sh (docker-stacks' before-notebook.d hook) as the student,
# before Jupyter starts: gives the student their own copy of the course's
# notebooks in ~/work/optimizers, never overwriting one they already have, so
# a host folder or volume mounted on /home/jovyan/work keeps their changes.
# The course library itself stays in $NNCOURSE_DIR, which the notebooks'
# first cell points GoNB at.
if [ -d "${NNCOURSE_DIR}/notebooks" ] && mkdir -p "${HOME}/work/optimizers" 2>/dev/null; then
    cp -n "${NNCOURSE_DIR}"/notebooks/*.ipynb "${HOME}/work/optimizers/" 2>/dev/null || true
else
    echo "nncourse: cannot create ${HOME}/work/optimizers; the notebooks are in ${NNCOURSE_DIR}/notebooks"
fi
