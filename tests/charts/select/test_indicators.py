"""charts/select/indicators.py: growth rates and like money figures no other chart shows."""

from __future__ import annotations

from reportgen.charts.select.indicators import growth_rate
from reportgen.model import Fact, Quantity


def rate(metric: str, value: float) -> Fact:
    return Fact(id="r", span=(0, 1), text="1%", quantity=Quantity(value, "percent"),
                metric=metric)


def test_a_growth_or_decline_figure_is_read_as_a_signed_rate_of_its_indicator() -> None:
    assert growth_rate(rate("export growth", 3.2)) == ("export", 3.2)
    name, value = growth_rate(rate("decline in imports", 5.7)) or ("", 0.0)
    assert (name, value) == ("imports", -5.7)


def test_a_share_is_not_a_growth_rate() -> None:
    assert growth_rate(rate("services share of GDP", 70.8)) is None
