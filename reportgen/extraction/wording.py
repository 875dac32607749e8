"""The shipped findings patterns (`defaults/findings/findings.yaml`) written as Python.

Without staff patterns, findings are written with these functions, so that `reportgen extract`
and a build need neither PyYAML nor Jinja for them (together ~45 ms of a 0.2 s command). Staff
patterns (a `findings/findings.yaml` of their own) are still filled by Jinja, each missing one
falling back to these. `tests/extraction/test_findings.py` checks that each function writes
exactly what the YAML pattern writes through Jinja, so change both together.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportgen.formatting import upper_first


def _if(value: Any, text: str) -> str:
    """`text` when `value` is set, as Jinja's `{{ text if value }}`."""
    return text if value else ""


def change(*, metric: str, direction: str, earlier: str, earlier_year: Any, later: str,
           later_year: Any, change: str, growth: str, **_: Any) -> str:
    return (f"{upper_first(metric)} {direction} from {earlier}"
            f"{_if(earlier_year, f' in {earlier_year}')} to {later}"
            f"{_if(later_year, f' in {later_year}')} "
            f"({change}{_if(growth, f', {growth} a year')}; computed).")


def level(*, metric: str, figure: str, when: str, growth: str, growth_up: bool,
          **_: Any) -> str:
    rate = (", up " if growth_up else ", down ") + str(growth)
    return f"{upper_first(metric)} stood at {figure}{_if(when, f' {when}')}{_if(growth, rate)}."


def rate(*, metric: str, figure: str, when: str, up: bool, **_: Any) -> str:
    return f"{upper_first(metric)} {'grew' if up else 'fell'} {figure}{_if(when, f' {when}')}."


def system(*, group: str, members: list[str], total: str, when: str, **_: Any) -> str:
    listed = " (" + ", ".join(map(str, members)) + ")" if members else ""
    return f"{upper_first(group)}{listed} totalled {total}{_if(when, f' {when}')}."


def target_gap(*, metric: str, target: str, year: Any, actual: str, actual_year: Any,
               growth: str, **_: Any) -> str:
    return (f"The {_if(year, f'{year} ')}target for {metric} is {target}, against {actual}"
            f"{_if(actual_year, f' in {actual_year}')}"
            f"{_if(growth, f': {growth} a year needed (computed)')}.")


def targets(*, year: Any, items: list[str], **_: Any) -> str:
    return f"Targets{_if(year, f' for {year}')}: {'; '.join(map(str, items))}."


def title(*, place: str, subject: str, figure: str, change: str, direction: str, period: str,
          **_: Any) -> str:
    owner = f"{place}'s " if place else ""
    joint = f" {direction} {change} to " if change else ": "
    tail = (", " if change else " in ") + str(period)
    return (f"{owner}{subject if place else upper_first(subject)}{joint}{figure}"
            f"{_if(period, tail)}")


def title_short(*, place: str, subject: str, period: str, **_: Any) -> str:
    return f"{_if(place, f'{place}: ')}{upper_first(subject)}{_if(period, f', {period}')}"


SHIPPED: dict[str, Callable[..., str]] = {
    "change": change, "level": level, "rate": rate, "system": system,
    "target_gap": target_gap, "targets": targets, "title": title, "title_short": title_short,
}
"""Each pattern name of findings.yaml with the function that writes it."""
MAX_FINDINGS = 6
"""findings.yaml's `max_findings`."""
