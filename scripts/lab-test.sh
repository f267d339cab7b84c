#!/usr/bin/env bash
# Tests `make lab` (scripts/lab.sh) as a local attacker would see it: starts it
# on a free loopback port and checks that the server answers with the token
# it printed and refuses without it, and that the token appears in no
# process's command line (ps shows every user's). Also checks that the
# README's docker commands keep the port on loopback and the token off the
# command line. Run by make test-go.
set -euo pipefail
source "$(dirname "$0")/common.sh"
require_setup
cd "$ROOT"

fail() { die "lab-test: $*"; }

# The README's docker section: loopback only, no token in the command.
docker_lines="$(grep -E '^docker run' README.md)" || fail "README.md shows no docker run command"
if grep -Eq -- '-p +[0-9]+:' <<<"$docker_lines"; then
	fail "README.md publishes the port on every interface: $docker_lines (write -p 127.0.0.1:8888:8888)"
fi
if grep -Eq 'JUPYTER_TOKEN=' <<<"$docker_lines"; then
	fail "README.md puts the token on docker's command line: $docker_lines (export it and pass -e JUPYTER_TOKEN)"
fi
echo "ok    README's docker run: loopback only, token from the environment"

port="$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
log="$(mktemp)"
LAB_PORT="$port" setsid bash scripts/lab.sh >"$log" 2>&1 &
lab=$!
trap 'kill -- -$lab 2>/dev/null || true; rm -f "$log"' EXIT
token=""
for _ in $(seq 120); do
	token="$(sed -n 's/.*open: .*?token=\([0-9a-f]*\).*/\1/p' "$log" | head -1)"
	if [[ -n "$token" ]] && curl -fsS -o /dev/null -H "Authorization: token $token" "http://127.0.0.1:$port/api/contents" 2>/dev/null; then
		break
	fi
	kill -0 "$lab" 2>/dev/null || fail "make lab exited: $(tail -20 "$log")"
	sleep 1
done
[[ -n "$token" ]] || fail "make lab printed no URL with a token: $(tail -20 "$log")"
status="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: token $token" "http://127.0.0.1:$port/api/contents")"
[[ "$status" == 200 ]] || fail "the server answers $status with the printed token"
echo "ok    the server answers with the printed token"
status="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/contents")"
[[ "$status" == 403 || "$status" == 401 ]] || fail "the server answers $status without a token"
echo "ok    and refuses without it (HTTP $status)"
if ps -eo args= | grep -v grep | grep -q -- "$token"; then
	fail "the token is on a command line: $(ps -eo pid=,args= | grep -v grep | grep -- "$token")"
fi
echo "ok    the token is in no process's command line"
