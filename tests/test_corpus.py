"""The real-release corpus as a regression test: the extractor keeps what it reaches today on
tests/corpus/ (scored with the shared scorer; tools/score_corpus.py prints the figures).

The floors are today's figures less a little, so a rule that fits one release but breaks others
fails here; raise them as the extractor improves."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FLOORS = {
    "dev": {"recall": 0.985, "precision": 0.98, "unit": 0.975, "target": 0.98, "year": 0.965,
            "metric": 0.81, "date": 0.83, "issuer": 0.97, "title": 0.95, "headlines": 0.78},
    "aside": {"recall": 0.965, "precision": 0.975, "unit": 0.975, "target": 0.99, "year": 0.9,
              "metric": 0.77, "date": 0.99, "issuer": 0.86, "title": 0.99, "headlines": 0.72},
}


def corpus_tool():
    spec = importlib.util.spec_from_file_location("score_corpus",
                                                  ROOT / "tools" / "score_corpus.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
@pytest.mark.parametrize("part", sorted(FLOORS))
def test_the_extractor_keeps_its_scores_on_the_real_releases(part: str) -> None:
    tool = corpus_tool()
    if not tool.SHARED_SCORER.exists():
        pytest.skip("needs ../shared/tools/score_extraction.py (the scorer the product is "
                    "judged by) beside this repository, as in CI")
    score = tool.scorer().score
    summary = tool.summary([tool.score_release(p, score) for p in tool.releases(part)])
    below = {k: (summary[k], floor) for k, floor in FLOORS[part].items() if summary[k] < floor}
    assert below == {}
