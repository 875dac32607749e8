"""`reportgen watch`: rebuild on every change and serve the HTML preview with live reload.

Builds run as separate `reportgen build` processes (so the preview server's thread never
shares a process with the build's forked workers). The server listens on 127.0.0.1 only and
serves the output folder; every HTML page it sends gets a small script that polls
`/__reportgen/version` and reloads the page when a build has finished.
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
RELOAD_SCRIPT = b"""<script>/* reportgen watch: reload after each build */
(function () {
  var seen = null;
  function poll() {
    fetch("%s", {cache: "no-store"}).then(function (r) { return r.json(); })
      .then(function (v) {
        if (seen !== null && v.version !== seen) { location.reload(); }
        seen = v.version; setTimeout(poll, 500);
      }).catch(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
</script>""" % VERSION_PATH.encode()


class BuildState:
    """How many builds have finished, and how the last one went (read by the server thread)."""

    def __init__(self) -> None:
        self.version = 0
        self.ok = True
        self.lock = threading.Lock()

    def finished(self, ok: bool) -> None:
        """Record one finished build."""
        with self.lock:
            self.version += 1
            self.ok = ok

    def as_json(self) -> bytes:
        """The state as the JSON the page polls."""
        with self.lock:
            return json.dumps({"version": self.version, "ok": self.ok}).encode()


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
        if path.is_dir() and (path / "briefing.html").is_file():
            path = path / "briefing.html"
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


def serve(output_dir: Path, state: BuildState, port: int) -> ThreadingHTTPServer:
    """A preview server on 127.0.0.1:`port` running in a daemon thread."""
    output_dir.mkdir(parents=True, exist_ok=True)
    handler = partial(PreviewHandler, directory=str(output_dir), state=state)
    try:
        server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    except OSError as exc:
        raise InputError(f"127.0.0.1:{port}: cannot serve the preview ({exc.strerror}); "
                         "choose another --port") from None
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def watched_paths(config: Config) -> list[Path]:
    """The seeds folder, the template folders and the config file, those that exist."""
    candidates = [config.seeds_dir, config.templates_dir, config.project_templates_dir,
                  config.source_path]
    return [p for p in candidates if p is not None and p.exists()]


def watch(build_options: dict[str, Any], build_args: Sequence[str], *, port: int,
          stream: TextIO, max_builds: int | None = None) -> int:
    """Build, serve the preview, and rebuild after each change until interrupted; returns 0."""
    import watchfiles

    config = load_config(build_options.get("config"), {
        "output": build_options.get("out"), "templates": build_options.get("templates")})
    state = BuildState()
    server = serve(config.output_dir, state, port)
    address = f"http://127.0.0.1:{server.server_address[1]}/"
    log(stream, f"preview at {address} (Ctrl-C to stop)")
    paths = [*watched_paths(config), *map(Path, build_options.get("documents") or ())]
    log(stream, "watching " + ", ".join(str(p) for p in paths))
    main = threading.current_thread() is threading.main_thread()
    # Terminated is raised inside run_build, which stops its build and workers
    previous = signal.signal(signal.SIGTERM, _terminated) if main else None
    output = config.output_dir.resolve()
    try:
        state.finished(run_build(state.version + 1, build_args, stream) == 0)
        for changes in watchfiles.watch(*paths, debounce=300, step=50,
                                        watch_filter=partial(_relevant, output)):
            names = sorted({Path(p).name for _, p in changes})
            log(stream, f"changed: {', '.join(names)}")
            state.finished(run_build(state.version + 1, build_args, stream) == 0)
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
