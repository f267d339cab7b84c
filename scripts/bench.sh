#!/usr/bin/env bash
# make bench: our GEMM against OpenBLAS and gonum's native BLAS, side by side
# in one run (GFLOP/s and ratios, n = 128…2048 and the MLP's products, 1 and 2
# threads, float32 and float64), then our MLP training step against PyTorch.
# OpenBLAS and PyTorch are timed with each OpenBLAS kernel set this CPU runs
# (OPENBLAS_CORETYPE auto, SkylakeX, Cooperlake, Haswell, Zen), the fastest
# kept and named.
#
# Extra arguments go to the bench tool, e.g.
#   bash scripts/bench.sh -run gemm -sizes 512,1024 -threads 1
# and `bin/bench -h` lists them. BENCH_NICE=-5 (as root) raises the
# bench's priority over other work on a shared machine.
set -euo pipefail
cd "$(dirname "$0")/.."

# OpenBLAS is linked through cgo, behind the openblas build tag, so that the
# rest of the repository builds without it. Install it when we can.
multiarch=$(gcc -print-multiarch 2>/dev/null || echo x86_64-linux-gnu)
if [ ! -e "/usr/lib/$multiarch/libopenblas.so" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
	apt-get install -y --no-install-recommends libopenblas-dev >/dev/null ||
		{ apt-get update >/dev/null && apt-get install -y --no-install-recommends libopenblas-dev >/dev/null; } ||
		echo "bench: could not install libopenblas-dev; OpenBLAS column left empty" >&2
fi
tags=()
if [ -e "/usr/lib/$multiarch/libopenblas.so" ] && command -v gcc >/dev/null; then
	tags=(-tags openblas)
fi

mkdir -p bin
go build "${tags[@]}" -o bin/bench ./cmd/bench

# The CPU by name and by family and model (a hypervisor may hide the name's
# model number), and whether it has AVX-512, which decides our kernels.
cpu="$(lscpu | sed -n 's/^Model name: *//p') (family $(lscpu | sed -n 's/^CPU family: *//p') model $(lscpu | sed -n 's/^Model: *//p'))"
grep -qw avx512f /proc/cpuinfo && cpu+=", AVX-512" || cpu+=", no AVX-512"
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $cpu, $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
exec nice -n "${BENCH_NICE:-0}" bin/bench "$@"
