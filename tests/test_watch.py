"""`reportgen watch`: rebuilds after a template edit and serves the page with live reload."""

from __future__ import annotations

import json
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:
        return bytes(response.read())


def wait_for_version(base: str, version: int, timeout: float = 90) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            state = json.loads(get(base + "__reportgen/version"))
            if state["version"] >= version:
                return state
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"no build {version} within {timeout} s")


@pytest.fixture
def watching(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    (tmp_path / "templates" / "briefing").mkdir(parents=True)
    css = tmp_path / "templates" / "briefing" / "custom.css"
    css.write_text("/* staff rules */\n")
    port = free_port()
    with (tmp_path / "watch.log").open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "reportgen.cli", "watch", "--formats", "html",
             "--port", str(port)], cwd=tmp_path, stdout=log, stderr=subprocess.STDOUT)
    yield tmp_path, f"http://127.0.0.1:{port}/", css
    process.send_signal(signal.SIGINT)
    process.wait(timeout=30)


@pytest.mark.slow
def test_watch_rebuilds_after_a_template_edit_and_serves_it_with_the_reload_script(watching):
    root, base, css = watching
    assert wait_for_version(base, 1)["ok"], (root / "watch.log").read_text()
    slug = next((root / "seeds").glob("*.txt")).stem
    page = get(f"{base}{slug}/briefing.html")
    assert b"__reportgen/version" in page and page.rstrip().endswith(b"</html>")
    assert b"#5b2a86" not in page.lower()
    css.write_text(":root { --accent: #5B2A86; }\n")
    state = wait_for_version(base, 2)
    assert state["ok"]
    assert b"#5b2a86" in get(f"{base}{slug}/briefing.html").lower()
    assert "changed: custom.css" in (root / "watch.log").read_text()


@pytest.mark.slow
def test_the_preview_serves_nothing_outside_the_output_folder(watching):
    root, base, _ = watching
    wait_for_version(base, 1)
    (root / "secret.txt").write_text("not for the browser")
    for path in ("../secret.txt", "%2e%2e/secret.txt", "..%2fsecret.txt"):
        try:
            body = get(base + path)
        except OSError:
            continue
        assert b"not for the browser" not in body


def test_a_port_in_use_is_a_one_line_error(tmp_path, monkeypatch):
    import io

    from reportgen.cli import main

    monkeypatch.chdir(tmp_path)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        err = io.StringIO()
        monkeypatch.setattr(sys, "stderr", err)
        assert main(["watch", "--port", str(port)], stdout=io.StringIO()) == 1
    assert err.getvalue().startswith(f"reportgen: error: 127.0.0.1:{port}: cannot serve the "
                                     "preview (Address already in use); choose another --port")
