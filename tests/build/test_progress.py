"""Build progress: a live status line on a terminal, plain lines in logs."""

from __future__ import annotations

import io
import re
import time

from reportgen.build.progress import Progress


def test_plain_lines_when_not_a_terminal():
    stream = io.StringIO()
    progress = Progress(2, stream)
    progress.document("a", True, "pdf (1.0 s)")
    progress.document("b", False, "took too long")
    progress.done()
    assert stream.getvalue() == "built a: pdf (1.0 s)\nFAILED b: took too long\n"


def test_a_terminal_gets_a_status_line_that_is_rewritten_and_cleared():
    stream = io.StringIO()
    progress = Progress(2, stream, live=True)
    progress.document("a", True, "pdf (1.0 s)")
    progress.done()
    text = stream.getvalue()
    assert text.startswith("\r\033[K[--------------------] 0/2 documents, starting")
    assert "\r\033[Kbuilt a: pdf (1.0 s)\n" in text
    assert "[##########----------] 1/2 documents, 1 to go" in text
    assert text.endswith("\r\033[K")


def test_the_live_line_advances_while_the_first_document_is_still_building(monkeypatch):
    monkeypatch.setattr("reportgen.build.progress.TICK_S", 0.05)
    stream = io.StringIO()
    progress = Progress(2, stream, live=True)
    time.sleep(0.4)
    progress.done()
    seconds = [float(s) for s in re.findall(r"starting \((\d+\.\d) s\)", stream.getvalue())]
    assert len(seconds) >= 3 and seconds[-1] >= 0.2, stream.getvalue()


def test_plain_lines_carry_a_timestamp_for_cron_logs(monkeypatch):
    monkeypatch.delenv("REPORTGEN_LOG_TIMESTAMPS")
    stream = io.StringIO()
    progress = Progress(1, stream)
    progress.document("a", True, "pdf (1.0 s)")
    progress.done()
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d built a: pdf \(1.0 s\)\n",
                        stream.getvalue())


def test_the_build_summary_in_a_log_carries_a_timestamp(monkeypatch, tmp_path):
    from reportgen.cli import main

    monkeypatch.delenv("REPORTGEN_LOG_TIMESTAMPS")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text("Output reached 5 billion yuan in 2023.\n")
    out = io.StringIO()
    assert main(["build", "--formats", "json", "--jobs", "1"], stdout=out) == 0
    assert main(["build", "--formats", "json", "--jobs", "1"], stdout=out) == 0
    lines = out.getvalue().splitlines()
    stamp = r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d "
    assert re.match(stamp + "built a: json", lines[0]), lines
    assert re.match(stamp + "1 built in ", lines[-2]), lines
    assert re.match(stamp + "nothing changed: 1 documents up to date", lines[-1]), lines
