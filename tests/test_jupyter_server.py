"""Every notebook runs the way JupyterLab runs it: through a real Jupyter server, not papermill.

One server for the module, on 127.0.0.1 with a random port and token, serving a temporary copy of
`notebooks/` and `seeds/`. For each notebook the test opens it through the contents API, starts a
session (which gives the kernel `notebooks/` as its working directory, as in JupyterLab), and sends
one `execute_request` per code cell over the kernel's websocket (Jupyter messaging protocol 5.3).
Every cell must reply "ok" with no `error` output, and each notebook must show at least one figure
as an `image/png` output, since that is what a reader of the notebook sees.

With `output_dir` left at its default, a notebook writes to `outputs/lab` beside the `notebooks/`
folder it runs in: here that is inside the temporary copy, so this test writes nothing into the
project.
"""

from __future__ import annotations

import ast
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
import websocket  # websocket-client, a dependency of jupyter_server

from conftest import ROOT

NOTEBOOKS = sorted(path.name for path in (ROOT / "notebooks").glob("*.ipynb"))
HOST = "127.0.0.1"
START_TIMEOUT = 60  # seconds for the server to answer /api/status
CELL_TIMEOUT = 120  # seconds for one cell, from execute_request to idle
# Loopback only: never let a proxy from the environment see these requests.
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@dataclass
class Server:
    root: Path  # the folder the server serves: copies of notebooks/ and seeds/
    port: int
    token: str
    log: Path

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def api(self, method: str, path: str, body: dict | None = None):
        """Call the REST API with the token; return the decoded JSON answer (None if empty)."""
        request = urllib.request.Request(
            self.url + path,
            method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"},
        )
        with OPENER.open(request, timeout=30) as answer:
            data = answer.read()
        return json.loads(data) if data else None

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("served")
    for folder in ("notebooks", "seeds"):
        shutil.copytree(ROOT / folder, root / folder)
    home = tmp_path_factory.mktemp("jupyter-home")
    # The user's Jupyter and IPython settings (a password, another python3 kernelspec) stay out.
    env = os.environ | {
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTER_DATA_DIR": str(home / "data"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "IPYTHONDIR": str(home / "ipython"),
    }
    port, token, log = _free_port(), secrets.token_hex(24), home / "server.log"
    command = [
        sys.executable, "-m", "jupyter_server", "--no-browser",
        f"--ServerApp.ip={HOST}", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    with log.open("wb") as sink:
        process = subprocess.Popen(command, env=env, cwd=root, stdout=sink, stderr=subprocess.STDOUT)
    running = Server(root=root, port=port, token=token, log=log)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if process.poll() is not None:
                pytest.fail(f"jupyter server exited with {process.returncode}:\n{running.log_tail()}")
            try:
                running.api("GET", "/api/status")
                break
            except OSError:  # refused while starting; HTTPError and timeouts are OSErrors too
                if time.monotonic() > deadline:
                    pytest.fail(f"jupyter server not answering after {START_TIMEOUT} s:\n{running.log_tail()}")
                time.sleep(0.2)
        yield running
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _message(msg_type: str, session: str, content: dict) -> dict:
    return {
        "header": {
            "msg_id": uuid.uuid4().hex, "session": session, "username": "test",
            "msg_type": msg_type, "version": "5.3",
        },
        "parent_header": {}, "metadata": {}, "content": content, "channel": "shell", "buffers": [],
    }


def _execute(channel, session: str, code: str, **options) -> dict:
    """Run `code` in the kernel; return the reply and the iopub messages it caused."""
    request = _message("execute_request", session, {
        "code": code, "silent": False, "store_history": True, "user_expressions": {},
        "allow_stdin": False, "stop_on_error": True, **options,
    })
    msg_id = request["header"]["msg_id"]
    channel.send(json.dumps(request))
    reply, outputs, idle = None, [], False
    deadline = time.monotonic() + CELL_TIMEOUT
    while reply is None or not idle:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError(f"no reply and idle status within {CELL_TIMEOUT} s")
        channel.settimeout(remaining)
        frame = channel.recv()
        if not isinstance(frame, str):  # binary frames carry buffers (widgets): none expected
            continue
        message = json.loads(frame)
        if message["parent_header"].get("msg_id") != msg_id:
            continue  # kernel_info and status traffic of the connection itself
        if message["channel"] == "shell" and message["msg_type"] == "execute_reply":
            reply = message["content"]
        elif message["channel"] == "iopub":
            if message["msg_type"] == "status":
                idle = message["content"]["execution_state"] == "idle"
            else:
                outputs.append(message)
    return {"reply": reply, "outputs": outputs}


def _failure(index: int, code: str, result: dict) -> str:
    errors = [m["content"] for m in result["outputs"] if m["msg_type"] == "error"]
    reply = result["reply"]
    error = errors[0] if errors else reply
    traceback = re.sub(r"\x1b\[[0-9;]*m", "", "\n".join(error.get("traceback", [])))
    return (
        f"code cell {index} ({code.splitlines()[0] if code else ''!r}) "
        f"replied {reply['status']!r}: {error.get('ename')}: {error.get('evalue')}\n{traceback}"
    )


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_in_a_kernel_through_the_server(server, name):
    model = server.api("GET", f"/api/contents/notebooks/{name}?type=notebook&content=1")
    assert model["type"] == "notebook"
    cells = [cell for cell in model["content"]["cells"] if cell["cell_type"] == "code"]
    sources = ["".join(cell["source"]) for cell in cells]  # a string; a list in older formats
    assert sources, f"{name} has no code cells"

    session = server.api("POST", "/api/sessions", {
        "path": f"notebooks/{name}", "name": name, "type": "notebook", "kernel": {"name": "python3"},
    })
    kernel_id, client_session = session["kernel"]["id"], uuid.uuid4().hex
    mime_types: dict[int, set[str]] = {}
    try:
        channel = websocket.create_connection(
            f"ws://{HOST}:{server.port}/api/kernels/{kernel_id}/channels?session_id={client_session}",
            header=[f"Authorization: token {server.token}"],
            timeout=CELL_TIMEOUT, http_no_proxy=[HOST],
        )
        try:
            # The session gives the kernel the notebook's folder as working directory, as in Lab.
            probe = _execute(channel, client_session, "", silent=True, store_history=False,
                             user_expressions={"cwd": "__import__('os').getcwd()"})
            cwd = probe["reply"]["user_expressions"]["cwd"]
            assert cwd["status"] == "ok", cwd
            assert Path(ast.literal_eval(cwd["data"]["text/plain"])).resolve() == (
                server.root / "notebooks").resolve()

            for index, code in enumerate(sources):
                result = _execute(channel, client_session, code)
                errors = [m for m in result["outputs"] if m["msg_type"] == "error"]
                assert result["reply"]["status"] == "ok" and not errors, _failure(index, code, result)
                mime_types[index] = {
                    mime for m in result["outputs"]
                    if m["msg_type"] in {"display_data", "execute_result"}
                    for mime in m["content"]["data"]
                }
        finally:
            channel.close()
    finally:
        server.api("DELETE", f"/api/sessions/{session['id']}")  # shuts the kernel down too

    assert kernel_id not in {kernel["id"] for kernel in server.api("GET", "/api/kernels")}
    shown = {index: sorted(types) for index, types in mime_types.items() if types}
    assert any("image/png" in types for types in mime_types.values()), (
        f"{name}: no cell displayed a figure as image/png; mime types by code cell: {shown}"
    )
    # The default output folder follows the kernel's working directory: the tables landed in the copy.
    assert sorted((server.root / "outputs" / "lab").glob("*.csv")), "no table written in the copy"
