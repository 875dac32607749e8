"""Evaluating deck.yaml: texts rendered by the sandboxed environment, entries turned into slide
plans (repeat, when, charts, tables, tiles), and the facts each plan shows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reportgen.errors import TemplateError


def test_deck_texts_are_compiled_once_and_then_read_from_the_bytecode_cache(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import jinja2

    from reportgen.render.deck.plan import render_text
    from reportgen.templating import make_environment, template_roots

    def environment() -> Any:
        env = make_environment(template_roots(), html=False)
        env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(tmp_path))
        return env

    source = "{{ name | upper }} and {% if n > 1 %}many{% endif %}"
    assert render_text(environment(), source, {"name": "a", "n": 2}, "x") == "A and many"
    assert len(list(tmp_path.iterdir())) == 1
    later = environment()
    monkeypatch.setattr(later, "compile", lambda *a, **k: pytest.fail("compiled again"))
    assert render_text(later, source, {"name": "b", "n": 1}, "x") == "B and "
    with pytest.raises(TemplateError, match="x: expected token"):
        render_text(environment(), "{{ name | }}", {"name": "a"}, "x")
