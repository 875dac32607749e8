"""`reportgen watch`: rebuilds after a template edit and serves the page with live reload."""

from __future__ import annotations

import contextlib
import json
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from conftest import copy_seed


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
    copy_seed(tmp_path / "seeds")
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
    copy_seed(tmp_path / "seeds")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        err = io.StringIO()
        monkeypatch.setattr(sys, "stderr", err)
        assert main(["watch", "--port", str(port)], stdout=io.StringIO()) == 1
    assert err.getvalue().startswith(f"reportgen: error: 127.0.0.1:{port}: cannot serve the "
                                     "preview (Address already in use); choose another --port")


# --- the page really reloads, in headless Chromium (skipped where it is not installed) ---------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")


def webdriver(base: str, command: str, body: dict | None = None, method: str = "POST") -> Any:
    """One W3C WebDriver call to chromedriver, its "value" (plain HTTP: no Selenium needed)."""
    data = json.dumps(body or {}).encode() if method == "POST" else None
    request = urllib.request.Request(base + command, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())["value"]


@pytest.fixture
def browser():
    if not (CHROMIUM and CHROMEDRIVER):
        pytest.skip("headless Chromium and chromedriver are not installed")
    port = free_port()
    driver = subprocess.Popen([CHROMEDRIVER, f"--port={port}"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            get(base + "status")
            break
        except OSError:
            time.sleep(0.2)
    options = {"binary": CHROMIUM, "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                                            "--disable-dev-shm-usage"]}
    session = webdriver(base, "session", {"capabilities": {"alwaysMatch": {
        "browserName": "chrome", "goog:chromeOptions": options}}})
    url = f"{base}session/{session['sessionId']}/"

    def run(script: str) -> object:
        return webdriver(url, "execute/sync", {"script": script, "args": []})

    try:
        yield url, run
    finally:
        with contextlib.suppress(OSError):
            webdriver(url.rstrip("/"), "", method="DELETE")
        driver.terminate()
        driver.wait(timeout=30)


@pytest.mark.slow
def test_the_open_page_reloads_itself_after_a_rebuild_in_headless_chromium(watching, browser):
    root, base, css = watching
    assert wait_for_version(base, 1)["ok"], (root / "watch.log").read_text()
    slug = next((root / "seeds").glob("*.txt")).stem
    session, run = browser
    webdriver(session, "url", {"url": f"{base}{slug}/briefing.html"})
    accent = "return getComputedStyle(document.documentElement).getPropertyValue('--accent')"
    assert "#5b2a86" not in str(run(accent)).lower()
    run("window.reportgenMarker = 'before the edit'; return null")  # gone once it reloads
    css.write_text(":root { --accent: #5B2A86; }\n")
    assert wait_for_version(base, 2)["ok"]
    deadline = time.monotonic() + 30
    while run("return window.reportgenMarker || null") is not None:
        assert time.monotonic() < deadline, "the page did not reload after the build"
        time.sleep(0.25)
    assert "#5b2a86" in str(run(accent)).lower()  # the reloaded page has the new style


def _builds_of(folder: Path) -> list[int]:
    """The pids of `reportgen build` processes working in `folder`."""
    pids = []
    for entry in Path("/proc").iterdir():
        try:
            command = (entry / "cmdline").read_bytes().split(b"\0")
            cwd = Path(entry / "cwd").resolve()
        except OSError:
            continue
        if b"build" in command and b"reportgen.cli" in command and cwd == folder.resolve():
            pids.append(int(entry.name))
    return pids


@pytest.mark.slow
def test_sigterm_stops_watch_and_the_build_it_is_running(tmp_path):
    copy_seed(tmp_path / "seeds")
    log = tmp_path / "watch.log"
    with log.open("w") as stream:
        process = subprocess.Popen(
            [sys.executable, "-m", "reportgen.cli", "watch", "--port", str(free_port())],
            cwd=tmp_path, stdout=stream, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 30
    while "run 1: building" not in log.read_text() and time.monotonic() < deadline:
        time.sleep(0.05)
    while not _builds_of(tmp_path) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _builds_of(tmp_path), log.read_text()
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == 0, log.read_text()
    time.sleep(0.5)
    assert _builds_of(tmp_path) == []
    assert "run 1: stopped" in log.read_text()


# --- the index page at the root, --host, --open, a failed build shown in the page ------------


@contextlib.contextmanager
def watch_process(root: Path, *options: str, env: dict | None = None):
    """`reportgen watch --formats html` in `root` with `options`; yields its log file."""
    import os

    log = root / "watch.log"
    with log.open("w") as stream:
        process = subprocess.Popen(
            [sys.executable, "-m", "reportgen.cli", "watch", "--formats", "html", *options],
            cwd=root, stdout=stream, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})})
    try:
        yield log
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)


@pytest.mark.slow
def test_the_root_is_the_index_of_briefings_with_the_reload_script(watching):
    root, base, _ = watching
    assert wait_for_version(base, 1)["ok"], (root / "watch.log").read_text()
    slug = next((root / "seeds").glob("*.txt")).stem
    page = get(base).decode()
    assert "<h1>Briefings</h1>" in page and "Index of /" not in page  # not a directory listing
    assert "__reportgen/version" in page
    assert f'href="{slug}/briefing.html"' in page and f'href="{slug}/data.json"' not in page
    assert get(f"{base}{slug}/briefing.html").rstrip().endswith(b"</html>")


@pytest.mark.slow
def test_host_serves_on_the_address_given_and_open_opens_the_browser_there(tmp_path):
    copy_seed(tmp_path / "seeds")
    port = free_port()
    opened = tmp_path / "opened.txt"
    browser = f"sh -c 'echo \"$0\" > {opened}' %s"  # $BROWSER: webbrowser runs it with the URL
    with watch_process(tmp_path, "--host", "127.0.0.2", "--port", str(port), "--open",
                       env={"BROWSER": browser}) as log:
        base = f"http://127.0.0.2:{port}/"
        assert wait_for_version(base, 1)["ok"], log.read_text()
        assert f"preview at {base}" in log.read_text()
        assert opened.read_text().strip() == base
        with pytest.raises(OSError):  # not on 127.0.0.1
            get(f"http://127.0.0.1:{port}/__reportgen/version")


@pytest.mark.slow
def test_a_failed_build_is_reported_to_the_page_and_a_good_one_clears_it(tmp_path):
    copy_seed(tmp_path / "seeds")
    template = tmp_path / "templates" / "briefing" / "briefing.html.j2"
    template.parent.mkdir(parents=True)
    template.write_text('{% extends "default/briefing/briefing.html.j2" %}\n')
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    with watch_process(tmp_path, "--port", str(port)) as log:
        assert wait_for_version(base, 1)["ok"], log.read_text()
        template.write_text('{% extends "default/briefing/briefing.html.j2" %}\n{% if %}\n')
        state = wait_for_version(base, 2)
        assert not state["ok"]
        assert "briefing.html.j2:2" in state["error"], state
        template.write_text('{% extends "default/briefing/briefing.html.j2" %}\n')
        state = wait_for_version(base, 3)
        assert state["ok"] and state["error"] == ""


@pytest.mark.slow
def test_a_failed_build_shows_as_a_banner_in_the_open_page_in_headless_chromium(tmp_path,
                                                                               browser):
    copy_seed(tmp_path / "seeds")
    template = tmp_path / "templates" / "briefing" / "briefing.html.j2"
    template.parent.mkdir(parents=True)
    template.write_text('{% extends "default/briefing/briefing.html.j2" %}\n')
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    session, run = browser
    banner = ("var b = document.getElementById('reportgen-build-error'); "
              "return b ? b.textContent : null")
    with watch_process(tmp_path, "--port", str(port)) as log:
        assert wait_for_version(base, 1)["ok"], log.read_text()
        webdriver(session, "url", {"url": base})
        assert run("return document.querySelector('h1').textContent") == "Briefings"
        assert run(banner) is None
        template.write_text('{% extends "default/briefing/briefing.html.j2" %}\n{% if %}\n')
        assert not wait_for_version(base, 2)["ok"]
        deadline = time.monotonic() + 30
        while run(banner) is None:
            assert time.monotonic() < deadline, "no banner after the failed build"
            time.sleep(0.25)
        text = str(run(banner))
        assert "build 2 failed" in text and "briefing.html.j2:2" in text
        assert run("return document.querySelector('h1').textContent") == "Briefings"
        template.write_text('{% extends "default/briefing/briefing.html.j2" %}\n')
        assert wait_for_version(base, 3)["ok"]
        deadline = time.monotonic() + 30
        while run(banner) is not None:  # the good build reloads the page, without the banner
            assert time.monotonic() < deadline, "the banner stayed after a good build"
            time.sleep(0.25)


def test_the_banner_shows_the_error_lines_and_the_summary_of_a_failed_build():
    from reportgen.watch import BuildState, failure_text

    output = ["FAILED a: t.j2:2: boom", "document  outputs", "a         FAILED",
              "error: a: t.j2:2: boom", "0 built, 1 failed in 1.0 s → output"]
    assert failure_text(output) == "error: a: t.j2:2: boom\n0 built, 1 failed in 1.0 s → output"
    assert failure_text(["reportgen: error: reportgen.toml:1: bad"]) == \
        "reportgen: error: reportgen.toml:1: bad"
    assert failure_text(["Traceback", "KeyError: 1"]) == "Traceback\nKeyError: 1"
    state = BuildState()
    state.finished(False, output)
    state.finished(True, output)
    assert json.loads(state.as_json()) == {"version": 2, "ok": True, "error": ""}
