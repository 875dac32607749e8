"""Helpers the deck's tests share: build a deck and read it back, staff decks, added facts."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path
from typing import Any

from pptx import Presentation

from reportgen.charts import ChartAsset
from reportgen.config import Config
from reportgen.model import Briefing, Fact, Quantity
from reportgen.render.deck import render_deck


def build(briefing: Briefing, config: Config | None = None,
          charts: tuple[ChartAsset, ...] = ()) -> Any:
    result = render_deck(briefing, list(charts), config or Config())
    assert result.warnings == ()
    return Presentation(io.BytesIO(result.data))


def staff_deck(tmp_path: Path, yaml_text: str) -> Config:
    deck = tmp_path / "staff" / "deck"
    deck.mkdir(parents=True)
    (deck / "deck.yaml").write_text(yaml_text, encoding="utf-8")
    return Config(templates_dir=tmp_path / "staff")


def slide_titled(prs: Any, title: str) -> Any:
    return next(s for s in prs.slides if s.shapes.title is not None
                and s.shapes.title.text == title)


def flat(text: str) -> str:
    return " ".join(text.split())


def with_sentences(briefing: Briefing, *added: tuple[str, str, Quantity, str, int | None]
                   ) -> Briefing:
    """`briefing` with sentences appended to its text and a fact for each, in its intro, read
    per item or not as the extractor reads it.

    Each item: (sentence, the figure's text inside it, quantity, metric, year).
    """
    from reportgen.extraction.headlines import is_per_item

    text, facts = briefing.text, list(briefing.facts)
    for number, (sentence, figure, quantity, metric, year) in enumerate(added):
        start = len(text) + 1
        text = f"{text} {sentence}"
        at = start + sentence.index(figure)
        facts.append(Fact(id=f"added-{number}", span=(at, at + len(figure)), text=figure,
                          quantity=quantity, metric=metric, year=year, sentence=sentence,
                          sentence_span=(start, start + len(sentence)), section_id="intro",
                          per_item=is_per_item(text, (at, at + len(figure)))))
    return replace(briefing, text=text, facts=tuple(facts))


def chart_on(prs: Any) -> Any:
    return next(s for slide in prs.slides for s in slide.shapes if s.has_chart).chart
