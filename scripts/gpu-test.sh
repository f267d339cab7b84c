#!/usr/bin/env bash
# gpu-test.sh: build the cuBLAS test and benchmark binaries, and run them on
# an NVIDIA GPU. Building needs Go but no CUDA; running needs the GPU driver,
# libcudart and libcublas but no Go.
#
#   scripts/gpu-test.sh          build, then run if nvidia-smi sees a GPU (make gpu-test)
#   scripts/gpu-test.sh build    build only, into .gpubin/ (or $GPUBIN)
#   scripts/gpu-test.sh run      run the binaries in .gpubin/ on this machine
#
# On a GPU machine with Go, `make gpu-test` does everything. For a GPU machine
# without Go: run `scripts/gpu-test.sh build` here, copy the repository with
# .gpubin/ (it is git-ignored) there, and run `scripts/gpu-test.sh run`.
# Logs go to $OUT if set, else .gpubin/out/: env.txt, test.log (cuBLAS),
# train-test.log (nn/gpu: training on the device against the CPU path),
# bench.log, race.log, smi.csv (clocks and power during the benchmark) and
# table.md. gpubench ends with training throughput (784-500-300-10 and a
# wider network, batch 128…8192, GPU against the CPU path) and each
# optimizer's 100-step trajectory against the CPU's, which fails the run
# when one leaves its tolerance (an unverified bound until a GPU run
# confirms it: cmd/gpubench's trajectoryTolerance).
#
# Time budget on an H200 with 16 cores, estimated from the shapes (not yet
# measured): the tests ~30 s (nn/gpu's run on the simulated device as well
# as the GPU); the products ~1 min (three sizes, two precisions, ≥ 1 s
# each, a 5 s sustained run, the CPU check of n = 4096); training
# throughput ~1 min, dominated by the CPU side of 784-4096-4096-10 at
# batch 8192 (≈ 1 TFLOP per step, five steps); the trajectories ~15 s
# (18 × 100 CPU steps of 784-500-300-10 at batch 128, ≈ 0.4 GFLOP each).
# About 3 minutes; the run prints its own time at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
GPUBIN=${GPUBIN:-.gpubin}
LOGS=${OUT:-$GPUBIN/out}
PKG=./nn/gemm/cublas

build() {
	mkdir -p "$GPUBIN"
	# CGO_ENABLED=0: purego loads the libraries itself, so the binaries need
	# no C toolchain and run against any glibc.
	export CGO_ENABLED=0 GOOS=linux GOARCH=amd64
	go test -c -tags cublas -o "$GPUBIN/cublas.test" "$PKG"
	go test -c -tags cublas -o "$GPUBIN/gpu.test" ./nn/gpu
	go build -tags cublas -o "$GPUBIN/gpubench" ./cmd/gpubench
	# The race detector needs cgo: this binary links the C library of the
	# build machine, so it runs where glibc is as new or newer.
	if CGO_ENABLED=1 go test -c -race -tags cublas -o "$GPUBIN/cublas-race.test" "$PKG" 2>/dev/null; then
		echo "gpu-test: built $GPUBIN/cublas.test, gpu.test, cublas-race.test and gpubench"
	else
		rm -f "$GPUBIN/cublas-race.test"
		echo "gpu-test: built $GPUBIN/cublas.test, gpu.test and gpubench (no cgo here: no -race binary)"
	fi
}

# find_libraries puts the folders of libcudart and libcublas on
# LD_LIBRARY_PATH when the dynamic loader's cache does not list them.
find_libraries() {
	if ldconfig -p | grep -q 'libcublas\.so' && ldconfig -p | grep -q 'libcudart\.so'; then
		return
	fi
	local dirs
	dirs=$(find /usr/local/cuda* /usr/lib /opt -name 'libcublas.so*' -o -name 'libcudart.so*' 2>/dev/null |
		xargs -r -n1 dirname | awk '!seen[$0]++' | paste -sd: -) || true
	export LD_LIBRARY_PATH="${dirs}${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
}

run() {
	local began=$SECONDS
	mkdir -p "$LOGS"
	find_libraries
	local gpu
	gpu=$(nvidia-smi --query-gpu=name --format=csv,noheader | head -1)
	{
		date -u
		nvidia-smi
		echo "LD_LIBRARY_PATH=${LD_LIBRARY_PATH:-}"
		ldconfig -p | grep -E 'libcublas|libcudart' || echo "(not in the ldconfig cache)"
		find /usr/local/cuda* /opt -name 'libcublas.so*' 2>/dev/null | head -20 || true
		nproc
	} >"$LOGS/env.txt" 2>&1
	echo "gpu-test: $gpu"

	local status=0
	"$GPUBIN/cublas.test" -test.v -test.count=1 2>&1 | tee "$LOGS/test.log" | grep -E '^(--- |ok|PASS|FAIL|panic)|no GPU' || true
	grep -q '^PASS$' "$LOGS/test.log" && ! grep -q -- '--- SKIP: TestGemmGPU' "$LOGS/test.log" || status=1
	# Training on the device: every test runs on the simulated device and,
	# here, on the GPU (subtests device=gpu), which must not be skipped.
	"$GPUBIN/gpu.test" -test.v -test.count=1 2>&1 | tee "$LOGS/train-test.log" | grep -E '^(--- |ok|PASS|FAIL|panic)|no GPU' || true
	grep -q '^PASS$' "$LOGS/train-test.log" && grep -q -- '--- PASS: .*/device=gpu' "$LOGS/train-test.log" || status=1
	if [[ -x $GPUBIN/cublas-race.test ]]; then # the short shapes: the race detector is ~10× slower
		"$GPUBIN/cublas-race.test" -test.short -test.count=1 >"$LOGS/race.log" 2>&1 || status=1
		echo "gpu-test: -race -short: $(tail -1 "$LOGS/race.log")"
	fi

	# Datasheet peaks, GFLOP/s, from NVIDIA's H200 and H100 Tensor Core GPU
	# datasheets: FP32 and FP64 on the CUDA cores, and FP64 on the tensor
	# cores, which cuBLAS Dgemm uses on Hopper (IEEE FP64, not a reduced
	# precision). cuBLAS Sgemm in the default math mode uses no tensor cores.
	local sheet=()
	case "$gpu" in
	"NVIDIA H200 NVL") sheet=(-datasheet-f32 60000 -datasheet-f64 30000 -datasheet-f64-tensor 60000) ;;
	"NVIDIA H200" | "NVIDIA H100 80GB HBM3") sheet=(-datasheet-f32 67000 -datasheet-f64 34000 -datasheet-f64-tensor 67000) ;;
	esac
	nvidia-smi --query-gpu=timestamp,clocks.sm,clocks.max.sm,clocks.mem,power.draw,temperature.gpu,utilization.gpu \
		--format=csv -lms 500 >"$LOGS/smi.csv" 2>&1 &
	local smi=$!
	"$GPUBIN/gpubench" "${sheet[@]}" "$@" 2>&1 | tee "$LOGS/bench.log" || status=1
	kill "$smi" 2>/dev/null || true
	sed -n '/^| prec/,$p' "$LOGS/bench.log" >"$LOGS/table.md"  # both tables
	echo "gpu-test: logs in $LOGS; status $status; $((SECONDS - began)) s"
	return $status
}

case "${1:-all}" in
build) build ;;
run) shift; run "$@" ;;
all)
	build
	if nvidia-smi -L >/dev/null 2>&1; then
		run
	else
		echo "gpu-test: no NVIDIA GPU here; the binaries are built. On a GPU machine: scripts/gpu-test.sh run"
	fi
	;;
*) echo "usage: $0 [build|run [gpubench flags]|all]" >&2; exit 2 ;;
esac
