"""Docker HEALTHCHECK: healthy when a Jupyter server of this user answers /api.

Finds the running servers from the files Jupyter writes in its runtime
directory (jpserver-*.json for Jupyter Server, nbserver-*.json for Notebook 6)
and asks each for /api, with its token. Exit status 0 when one answers 200.
"""
import glob
import json
import os
import sys
import urllib.request

from jupyter_core.paths import jupyter_runtime_dir

for info_file in glob.glob(os.path.join(jupyter_runtime_dir(), "*server-*.json")):
    try:
        with open(info_file) as f:
            info = json.load(f)
        url = f"http://127.0.0.1:{info['port']}{info['base_url']}api"
        request = urllib.request.Request(url)
        if info.get("token"):
            request.add_header("Authorization", "token " + info["token"])
        with urllib.request.urlopen(request, timeout=5) as resp:
            if resp.status == 200:
                sys.exit(0)
    except Exception as err:  # a stale file from a stopped server
        print(f"{info_file}: {err}", file=sys.stderr)
sys.exit("no Jupyter server answered /api")
