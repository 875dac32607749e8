"""`reportgen watch`: rebuild on every change and serve the HTML preview with live reload.

Builds run as separate `reportgen build` processes (so the preview server's thread never
shares a process with the build's forked workers). The server listens on 127.0.0.1 (or
`--host`) and serves the output folder, `index.html` (every briefing) at its root; every HTML
page it sends gets a small script that polls `/__reportgen/version`, reloads the page when a
build has finished, and shows a failed build's error in a banner on the page (the page keeps
the last good build underneath), as MkDocs' and Quarto's previews do.
"""

from __future__ import annotations

import json
import signal
import threading
from collections.abc import Sequence
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, TextIO

from reportgen.config import Config, load_config
from reportgen.errors import InputError
from reportgen.schedule import log, run_build

VERSION_PATH = "/__reportgen/version"
BANNER_ID = "reportgen-build-error"
RELOAD_SCRIPT = b"""<script>/* reportgen watch: reload after each good build, show a failed one */
(function () {
  var seen = null;
  function banner(state) {
    var box = document.getElementById("%(banner)s");
    if (state.ok) { if (box) { box.remove(); } return; }
    if (!box) {
      box = document.createElement("div");
      box.id = "%(banner)s"; box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;top:0;left:0;right:0;z-index:2147483647;" +
        "background:#B00020;color:#fff;font:14px/1.45 monospace;padding:12px 16px;" +
        "white-space:pre-wrap;max-height:60vh;overflow:auto;box-shadow:0 2px 8px #0006";
      document.body.appendChild(box);
    }
    box.textContent = "reportgen: build " + state.version + " failed; this page is the " +
      "last good build. Fix the problem and save: the page reloads.\\n\\n" + state.error;
  }
  function poll() {
    fetch("%(version)s", {cache: "no-store"}).then(function (r) { return r.json(); })
      .then(function (v) {
        if (seen !== null && v.version !== seen && v.ok) { location.reload(); return; }
        banner(v); seen = v.version; setTimeout(poll, 500);
      }).catch(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
</script>""" % {b"banner": BANNER_ID.encode(), b"version": VERSION_PATH.encode()}
WAITING_PAGE = b"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>reportgen: building</title></head><body style="font-family:sans-serif">
<p>reportgen is building the first briefings; this page reloads when they are ready.</p>
</body></html>"""
ERROR_LINES = 40
"""The most lines of a failed build's output the banner shows (its end: the errors)."""


class BuildState:
    """How many builds have finished, and how the last one went (read by the server thread)."""

    def __init__(self) -> None:
        self.version = 0
        self.ok = True
        self.error = ""
        self.lock = threading.Lock()

    def finished(self, ok: bool, output: Sequence[str] = ()) -> None:
        """Record one finished build and, when it failed, the end of its output."""
        with self.lock:
            self.version += 1
            self.ok = ok
            self.error = "" if ok else failure_text(output)

    def as_json(self) -> bytes:
        """The state as the JSON the page polls."""
        with self.lock:
            return json.dumps({"version": self.version, "ok": self.ok,
                               "error": self.error}).encode()


class PreviewHandler(SimpleHTTPRequestHandler):
    """Serves the output folder; HTML gets the reload script; the version is JSON."""

    state: BuildState

    def __init__(self, *args: Any, state: BuildState, **kwargs: Any) -> None:
        self.state = state
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:  # noqa: N802 — the name http.server calls
        """Answer the version poll, inject the script into HTML, serve other files as they are."""
        if self.path == VERSION_PATH:
            return self._send(self.state.as_json(), "application/json")
        path = Path(self.translate_path(self.path))
        for page in ("briefing.html", "index.html"):  # a briefing's folder, or the root
            if path.is_dir() and (path / page).is_file():
                path = path / page
                break
        if path.is_dir() and self.path.split("?")[0] == "/":  # the first build is running
            return self._send(WAITING_PAGE.replace(b"</body>", RELOAD_SCRIPT + b"</body>"),
                              "text/html")
        if path.suffix == ".html" and path.is_file():
            html = path.read_bytes()
            marker = html.lower().rfind(b"</body>")
            marker = marker if marker >= 0 else len(html)
            return self._send(html[:marker] + RELOAD_SCRIPT + html[marker:], "text/html")
        return super().do_GET()

    def _send(self, body: bytes, kind: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", f"{kind}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 — quiet requests
        """Stay quiet: the terminal shows builds, not page requests."""


def serve(output_dir: Path, state: BuildState, port: int, host: str = "127.0.0.1",
          ) -> ThreadingHTTPServer:
    """A preview server on `host`:`port` running in a daemon thread."""
    output_dir.mkdir(parents=True, exist_ok=True)
    handler = partial(PreviewHandler, directory=str(output_dir), state=state)
    try:
        server = ThreadingHTTPServer((host, port), handler)
    except OSError as exc:
        raise InputError(f"{host}:{port}: cannot serve the preview "
                         f"({exc.strerror or exc}); choose another --port or --host") from None
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def watched_paths(config: Config) -> list[Path]:
    """The seeds folder, the template folders and the config file, those that exist."""
    candidates = [config.seeds_dir, config.templates_dir, config.project_templates_dir,
                  config.source_path]
    return [p for p in candidates if p is not None and p.exists()]


def watch(build_options: dict[str, Any], build_args: Sequence[str], *, port: int,
          stream: TextIO, max_builds: int | None = None, host: str = "127.0.0.1",
          open_browser: bool = False) -> int:
    """Build, serve the preview (opening it in the browser with `open_browser`), and rebuild
    after each change until interrupted; returns 0."""
    import watchfiles

    config = load_config(build_options.get("config"), {
        "output": build_options.get("out"), "templates": build_options.get("templates")})
    state = BuildState()
    server = serve(config.output_dir, state, port, host)
    address = f"http://{_url_host(host)}:{server.server_address[1]}/"
    log(stream, f"preview at {address} (Ctrl-C to stop)")
    if open_browser:
        open_in_browser(address, stream)
    paths = [*watched_paths(config), *map(Path, build_options.get("documents") or ())]
    log(stream, "watching " + ", ".join(str(p) for p in paths))
    main = threading.current_thread() is threading.main_thread()
    # Terminated is raised inside run_build, which stops its build and workers
    previous = signal.signal(signal.SIGTERM, _terminated) if main else None
    output = config.output_dir.resolve()
    try:
        _build(state, build_args, stream)
        for changes in watchfiles.watch(*paths, debounce=300, step=50,
                                        watch_filter=partial(_relevant, output)):
            names = sorted({Path(p).name for _, p in changes})
            log(stream, f"changed: {', '.join(names)}")
            _build(state, build_args, stream)
            log(stream, f"reload {address}")
            if max_builds is not None and state.version >= max_builds:
                break
    except Terminated:
        log(stream, "stopped (SIGTERM)")
    finally:
        if main:
            signal.signal(signal.SIGTERM, previous)
        server.shutdown()
        server.server_close()
    return 0


def _build(state: BuildState, build_args: Sequence[str], stream: TextIO) -> None:
    """Run one build and record how it went (the page shows its error if it failed)."""
    output: list[str] = []
    code = run_build(state.version + 1, build_args, stream, output)
    state.finished(code == 0, output)


def failure_text(output: Sequence[str]) -> str:
    """What the page's banner shows of a failed build's `output`: its error lines and its last
    line (the summary), else the end of the output."""
    errors = [line for line in output if line.startswith(("error:", "reportgen: error:"))]
    shown = [*errors, output[-1]] if errors and output[-1] not in errors else errors
    return "\n".join(shown[-ERROR_LINES:] if shown else output[-ERROR_LINES:])


def _url_host(host: str) -> str:
    """The host to put in the printed address: a wildcard address is reached as localhost."""
    return "localhost" if host in ("", "0.0.0.0", "::") else host


def open_in_browser(address: str, stream: TextIO) -> None:
    """Open `address` in the user's browser (`$BROWSER` chooses it), in a thread: a browser
    that takes the terminal must not hold up the first build."""
    import webbrowser

    def run() -> None:
        if not webbrowser.open(address):
            log(stream, f"no browser found to open {address}; open it yourself")

    threading.Thread(target=run, daemon=True).start()


class Terminated(Exception):
    """SIGTERM arrived: leave the watch loop (and stop a running build) like Ctrl-C does."""


def _terminated(signum: int, frame: object) -> None:
    raise Terminated


def _relevant(output: Path, change: Any, path: str) -> bool:
    """Changes that should trigger a build: not in the output folder, not editor litter."""
    import watchfiles

    if Path(path).resolve().is_relative_to(output):
        return False
    return bool(watchfiles.DefaultFilter()(change, path)) and not path.endswith(".rgtmp")
