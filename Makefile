# nncourse/optimizers — the two commands a newcomer needs:
#   make lessons   execute every notebook and export the HTML lessons
#   make test      vet, race-test the library, run every notebook and check the lessons
# Both run `make setup` first; it is idempotent.

SHELL := /bin/bash
export PATH := $(CURDIR)/bin:$(PATH)

.PHONY: setup test test-go lessons lab check bench zeiler gpu-test image-test clean

setup:
	@bash scripts/setup.sh

test: setup test-go
	@bash scripts/lab-test.sh
	@bash scripts/test-notebooks.sh
	@bash scripts/test-notebook-anywhere.sh

test-go:
	go vet ./...
	go vet -tags cublas ./...
	GOOS=js GOARCH=wasm go vet ./explorables/...
	go test -race -count=1 ./...
	go test -count=1 -tags cublas ./nn/gemm/...
	go test -count=1 -tags purego ./nn/gemm/... ./optim/...
	go test -count=1 -gcflags=all=-l -run Alloc ./nn/gemm/... ./nn/gpu/... ./optim/... # zero allocations without the inliner

lessons: setup
	@bash scripts/build-lessons.sh

lab: setup
	@bash scripts/lab.sh

# make check NB=path/to/notebook.ipynb: run any notebook headless and print
# the failing cell with its error.
check: setup
	@bash scripts/check-notebook.sh "$(NB)"

bench:
	@bash scripts/bench.sh

# Zeiler's ADADELTA experiment reproduced (REPRODUCTION.md and reproduction/);
# long on 2 cores (REPRODUCTION.md gives the wall time), resumable: a finished
# run is never recomputed. Several processes may share the work: -shard i/n.
zeiler:
	go run ./cmd/zeiler

gpu-test:
	@bash scripts/gpu-test.sh

image-test:
	@bash scripts/image-test.sh

clean:
	rm -rf bin .cache .gpubin
