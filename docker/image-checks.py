"""Checks run inside the classroom image as the student by scripts/image-test.sh.

1. The image's command (start.sh start-notebook.sh), with a token: /api answers
   with the token; the API refuses requests without it or with a wrong one;
   the server lists and starts the GoNB kernel; the HEALTHCHECK passes while
   the server runs and fails once it stops; the start-up hook copied the
   course notebooks into ~/work/optimizers.
2. The same command as JupyterHub spawns it (JUPYTERHUB_* variables, here
   pointing at a stand-in hub on loopback): jupyterhub-singleuser starts under
   /user/test/, serves a request carrying a token the hub vouches for, and
   refuses one without.
Prints one line per check and exits non-zero at the first failure.
"""
import glob
import http.server
import json
import os
import secrets
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

TIMEOUT_S = 120


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(url, token=None, method="GET", body=None):
    """Returns (status, body) without following redirects."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args):
            return None

    req = urllib.request.Request(url, method=method, data=body)
    if token:
        req.add_header("Authorization", "token " + token)
    if body is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.build_opener(NoRedirect).open(req, timeout=30) as resp:
            return resp.status, resp.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode()


def check(what, ok, detail=""):
    print(("ok    " if ok else "FAIL  ") + what + (f": {detail}" if detail else ""), flush=True)
    if not ok:
        sys.exit(1)


def start_server(env, port):
    """Starts the image's entry point and command, as the container would."""
    log = open(os.path.join("/tmp", f"server-{port}.log"), "w")
    return subprocess.Popen(
        ["start.sh", "start-notebook.sh", f"--port={port}", "--ip=127.0.0.1"],
        env=env, stdout=log, stderr=subprocess.STDOUT), log.name


def wait_for(url, token, server, log):
    deadline = time.time() + TIMEOUT_S
    while time.time() < deadline:
        if server.poll() is not None:
            break
        try:
            status, body = request(url, token)
            if status == 200:
                return body
        except OSError:
            pass
        time.sleep(1)
    sys.stdout.write(open(log).read()[-4000:])
    exited = server.poll()
    check(f"server answers {url}", False,
          f"the server exited with status {exited}" if exited is not None else f"no answer within {TIMEOUT_S} s")


def stop(server):
    server.terminate()
    server.wait(timeout=30)


def healthcheck():
    return subprocess.run([sys.executable, "/opt/course/docker/healthcheck.py"],
                          capture_output=True, text=True)


def standalone():
    token, port = secrets.token_hex(16), free_port()
    env = dict(os.environ, JUPYTER_TOKEN=token)
    server, log = start_server(env, port)
    base = f"http://127.0.0.1:{port}/"
    version = wait_for(base + "api", token, server, log)
    check("/api answers with the token", True, version)
    status, _ = request(base + "api")
    print(f"info  /api without a token: HTTP {status} (Jupyter's version endpoint is public by design)")
    for path in ("api/contents", "api/kernels", "api/sessions"):
        status, _ = request(base + path)
        check(f"/{path} without a token is refused", status in (401, 403), f"HTTP {status}")
        status, _ = request(base + path, "wrong" + token)
        check(f"/{path} with a wrong token is refused", status in (401, 403), f"HTTP {status}")
        status, _ = request(base + path, token)
        check(f"/{path} with the token", status == 200, f"HTTP {status}")
    status, body = request(base + "api/kernelspecs", token)
    specs = json.loads(body)["kernelspecs"] if status == 200 else {}
    check("the server lists the GoNB kernel", "gonb" in specs, ", ".join(sorted(specs)))
    status, body = request(base + "api/kernels", token, "POST", json.dumps({"name": "gonb"}).encode())
    check("the server starts a GoNB kernel", status == 201, f"HTTP {status} {body[:200]}")
    kernel = json.loads(body)["id"]
    status, _ = request(base + "api/kernels/" + kernel, token, "DELETE")
    check("and shuts it down", status == 204, f"HTTP {status}")
    result = healthcheck()
    check("HEALTHCHECK passes while the server runs", result.returncode == 0, result.stderr.strip())
    course = sorted(os.path.basename(p) for p in glob.glob("/opt/course/notebooks/*.ipynb"))
    copies = sorted(os.path.basename(p) for p in glob.glob(os.path.expanduser("~/work/optimizers/*.ipynb")))
    check("start-up copied the course notebooks to ~/work/optimizers", copies == course,
          f"{len(copies)} of {len(course)}")
    stop(server)
    result = healthcheck()
    check("HEALTHCHECK fails once the server stopped", result.returncode != 0, result.stderr.strip())


class StandInHub(http.server.BaseHTTPRequestHandler):
    """Answers the few Hub API calls a single-user server makes."""

    version = "0"
    user_token = ""

    def reply(self, status, model):
        body = json.dumps(model).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("X-JupyterHub-Version", self.version)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path.rstrip("/") == "/hub/api":
            self.reply(200, {"version": self.version})
        elif self.path.startswith("/hub/api/user") and \
                self.headers.get("Authorization") == "token " + self.user_token:
            self.reply(200, {"kind": "user", "name": "test", "admin": False, "groups": [],
                             "session_id": None,
                             "scopes": ["access:servers!server=test/", "read:users:name!user=test"]})
        else:
            self.reply(403, {"message": "not a token of this hub"})

    def do_POST(self):  # activity reports
        self.reply(200, {})

    def log_message(self, *args):
        pass


def singleuser():
    import jupyterhub
    hub_port, port = free_port(), free_port()
    StandInHub.version = jupyterhub.__version__
    StandInHub.user_token = secrets.token_hex(16)
    hub = http.server.ThreadingHTTPServer(("127.0.0.1", hub_port), StandInHub)
    threading.Thread(target=hub.serve_forever, daemon=True).start()
    hub_api = f"http://127.0.0.1:{hub_port}/hub/api"
    scopes = json.dumps(["access:servers!server=test/"])
    env = dict(os.environ,
               JUPYTERHUB_API_TOKEN=secrets.token_hex(16), JUPYTERHUB_API_URL=hub_api,
               JUPYTERHUB_CLIENT_ID="jupyterhub-user-test", JUPYTERHUB_USER="test",
               JUPYTERHUB_SERVER_NAME="", JUPYTERHUB_BASE_URL="/", JUPYTERHUB_HOST="",
               JUPYTERHUB_SERVICE_PREFIX="/user/test/",
               JUPYTERHUB_SERVICE_URL=f"http://127.0.0.1:{port}/user/test/",
               JUPYTERHUB_OAUTH_CALLBACK_URL="/user/test/oauth_callback",
               JUPYTERHUB_OAUTH_SCOPES=scopes, JUPYTERHUB_OAUTH_ACCESS_SCOPES=scopes,
               JUPYTERHUB_ACTIVITY_URL=hub_api + "/users/test/activity")
    server, log = start_server(env, port)
    base = f"http://127.0.0.1:{port}/user/test/"
    version = wait_for(base + "api", StandInHub.user_token, server, log)
    check(f"jupyterhub-singleuser (JupyterHub {jupyterhub.__version__}) answers /user/test/api", True, version)
    status, _ = request(base + "api/contents")
    check("/user/test/api/contents without a token is refused", status in (401, 403), f"HTTP {status}")
    status, _ = request(base + "api/contents", StandInHub.user_token)
    check("/user/test/api/contents with a token the hub vouches for", status == 200, f"HTTP {status}")
    stop(server)
    hub.shutdown()


if __name__ == "__main__":
    standalone()
    singleuser()
