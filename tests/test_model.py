"""The data model is pure: frozen values, no I/O, no heavy or third-party imports."""

from __future__ import annotations

import ast
import dataclasses
import sys
from pathlib import Path

import pytest

import reportgen.model as model

FORBIDDEN_CALLS = {"open", "print", "input", "exec", "eval"}


def test_model_imports_only_the_standard_library():
    tree = ast.parse(Path(model.__file__).read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module.split(".")[0])
    assert imported <= set(sys.stdlib_module_names) | {"__future__"}


def test_model_calls_no_io_builtins():
    tree = ast.parse(Path(model.__file__).read_text(encoding="utf-8"))
    calls = {n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call)
             and isinstance(n.func, ast.Name)}
    assert not calls & FORBIDDEN_CALLS


def test_briefing_values_are_frozen(synthetic):
    with pytest.raises(dataclasses.FrozenInstanceError):
        synthetic.facts[0].metric = "changed"  # type: ignore[misc]


def test_fact_lookup_names_the_missing_id(synthetic):
    assert synthetic.fact("industrial-added-value-2021").value == 1.0739e12
    with pytest.raises(KeyError, match="no-such-fact"):
        synthetic.fact("no-such-fact")


def test_fact_lookups_follow_the_briefing_asked_about(synthetic):
    first = synthetic.facts[0]
    hidden = dataclasses.replace(first, hidden=True)
    other = dataclasses.replace(synthetic, facts=(hidden, *synthetic.facts[1:]))
    second = synthetic.facts[1]
    for _ in range(2):  # alternating briefings: each look-up sees its own facts
        assert synthetic.facts_in([second.id, first.id]) == (second, first)
        assert other.facts_in([second.id, first.id]) == (second,)  # hidden facts left out
        assert other.fact(first.id) is hidden and synthetic.fact(first.id) is first
