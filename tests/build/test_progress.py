"""Build progress: a live status line on a terminal, plain lines in logs."""

from __future__ import annotations

import io

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
