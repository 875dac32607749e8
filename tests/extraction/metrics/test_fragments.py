"""extraction/metrics/fragments.py: what is no name, and how a fragment is replaced."""

from __future__ import annotations

import pytest

from reportgen.extraction.metrics.fragments import is_fragment


@pytest.mark.parametrize("name", ["marking impressive", "BEIJING", "this means that", "amount",
                                  "growth", "according to statistics", "decreasing"])
def test_fragments_are_not_names(name: str) -> None:
    assert is_fragment(name)


@pytest.mark.parametrize("name", ["GDP", "exports to Russia", "manufacturing output",
                                  "spending on research and development"])
def test_real_names_are_not_fragments(name: str) -> None:
    assert not is_fragment(name)
