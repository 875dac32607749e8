"""Fast stand-ins for the extract/chart/render stages, so build tests exercise the build alone.

They are installed with `install(monkeypatch)`; forked workers inherit them. Each fake output
records the inputs it was made from, so tests can tell which outputs were rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

from reportgen.build import build_all, stages
from reportgen.charts import ChartAsset
from reportgen.errors import BuildError
from reportgen.model import ChartPoint, ChartSeries, ChartSpec, Document, Fact, Quantity
from reportgen.render import RenderResult

CALLS_ENV = "REPORTGEN_TEST_CALLS"
TESTS = Path(__file__).parent


def fake_briefing(path: Path, config, root: Path | None = None, snapshot=None) -> object:
    """A tiny briefing whose one fact's value is the first number in the file."""
    from reportgen.model import Briefing

    text = path.read_text(encoding="utf-8")
    if "FAIL" in text:
        raise BuildError(f"{path}: this document is planted to fail")
    if "SLEEP" in text:
        time.sleep(float(text.split("SLEEP")[1].split()[0]))
    number = next((float(w) for w in text.split() if w.replace(".", "").isdigit()), 0.0)
    fact = Fact(id="output-2021", span=(0, 1), text=f"{number:g} billion yuan",
                quantity=Quantity(number * 1e9, "yuan"), metric="output", year=2021)
    doc = Document(path=str(path), sha256=hashlib.sha256(text.encode()).hexdigest(),
                   title=path.stem.title())
    return Briefing(document=doc, text=text, facts=(fact,))


def fake_charts(briefing, config, *, png: bool = True) -> tuple[ChartAsset, ...]:
    spec = ChartSpec(id="growth-output", kind="growth", title="Output", unit="yuan",
                     series=(ChartSeries("output", (ChartPoint("2021", 1.0),)),))
    digest = briefing.document.sha256.encode()
    svg = b"<svg xmlns='http://www.w3.org/2000/svg'>" + digest + b"</svg>"
    return (ChartAsset(spec, svg, b"\x89PNG fake" if png else None),)


def fake_render(fmt, briefing, charts, config) -> RenderResult:
    _record(fmt)
    payload = {"format": fmt, "document": briefing.document.sha256, "charts": len(charts),
               "padding": "x" * 20000}
    warnings = ("figure x has no year",) if "WARN" in briefing.text else ()
    return RenderResult(json.dumps(payload).encode(), warnings)


def fake_serialize(briefing) -> bytes:
    _record("json")
    return json.dumps({"document": briefing.document.sha256, "padding": "y" * 20000}).encode()


def _record(fmt: str) -> None:
    """Append the format to the calls file (shared by forked workers)."""
    calls = os.environ.get(CALLS_ENV)
    if calls:
        with open(calls, "a", encoding="utf-8") as f:
            f.write(fmt + "\n")


def install(monkeypatch, calls: Path | None = None) -> None:
    monkeypatch.setattr(stages, "load_briefing", fake_briefing)
    monkeypatch.setattr(stages, "draw_charts", fake_charts)
    monkeypatch.setattr(stages, "render", fake_render)
    monkeypatch.setattr(stages, "serialize", fake_serialize)
    monkeypatch.setattr(stages, "warm_up", lambda formats, charts=True: None)
    if calls is not None:
        monkeypatch.setenv(CALLS_ENV, str(calls))


def project(tmp_path: Path, documents: int = 2) -> Project:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for i in range(documents):
        (seeds / f"release-{i}.txt").write_text(f"Release {i}: output {100 + i} billion yuan.\n")
    templates = tmp_path / "templates"
    (templates / "briefing").mkdir(parents=True)
    (templates / "briefing" / "style.css").write_text("body { color: black }\n")
    (templates / "deck").mkdir()
    (templates / "deck" / "deck.yaml").write_text("slides: []\n")
    return Project(tmp_path)


class Project:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.seeds = root / "seeds"
        self.out = root / "output"
        self.templates = root / "templates"

    def config(self, **changes):
        from reportgen.config import Config

        base = Config(seeds_dir=self.seeds, output_dir=self.out,
                      project_templates_dir=self.templates, jobs=2)
        return replace(base, **changes)


def run_in_subprocess(seeds: str, out: str, templates: str, delay: float) -> int:
    """Entry point for a child Python: install the fakes (slowed by `delay`) and build."""
    from reportgen.config import Config

    def slow_render(fmt, briefing, charts, config):
        time.sleep(delay)
        result = fake_render(fmt, briefing, charts, config)
        return RenderResult(result.data + b" " * 6_000_000, result.warnings)

    stages.load_briefing = fake_briefing  # type: ignore[assignment]
    stages.draw_charts = fake_charts  # type: ignore[assignment]
    stages.render = slow_render  # type: ignore[assignment]
    stages.serialize = fake_serialize  # type: ignore[assignment]
    stages.warm_up = lambda formats, charts=True: None  # type: ignore[assignment]
    config = Config(seeds_dir=Path(seeds), output_dir=Path(out),
                    project_templates_dir=Path(templates), jobs=2)
    report = build_all(config=config, check=False)
    return 0 if report.ok else 1


def calls(proj) -> list[str]:
    """The formats rendered since the last call (sorted), read from the calls file."""
    text = proj.calls.read_text() if proj.calls.exists() else ""
    proj.calls.unlink(missing_ok=True)
    return sorted(text.split())


def start_build(proj, delay: float = 0.0) -> subprocess.Popen:
    """A build of `proj` in another Python process, with the fakes (slowed by `delay`)."""
    arguments = (str(proj.seeds), str(proj.out), str(proj.templates), delay)
    code = (f"import sys; sys.path.insert(0, {str(TESTS)!r}); "
            f"from build_fakes import run_in_subprocess; sys.exit(run_in_subprocess{arguments!r})")
    log = proj.root / "build.log"
    with log.open("ab") as sink:
        return subprocess.Popen([sys.executable, "-c", code], start_new_session=True,
                                stdout=sink, stderr=sink)
