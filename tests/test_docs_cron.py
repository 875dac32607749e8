"""Every cron expression in README.md and docs/ parses with croniter and means what the text
around it says (checked by the gaps between its next fire times)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from croniter import croniter

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]

# crontab lines ("*/15 * * * * cd … && reportgen build") and `reportgen schedule "…"` arguments
FIELD = r"[\d*/,\-]+"
CRONTAB_LINE = re.compile(rf"^\s*((?:{FIELD}\s+){{4}}{FIELD})\s+(?:cd|reportgen|/)\S*", re.M)
QUOTED = re.compile(rf'"((?:{FIELD}\s+){{4,5}}{FIELD})"')

# What each documented expression means: (start, the next fire times expected after it).
MONDAY = datetime(2026, 11, 23, 5, 59, 50)  # a Monday, just before 06:00
MEANINGS: dict[str, list[datetime]] = {
    # every 15 minutes
    "*/15 * * * *": [MONDAY + timedelta(seconds=10 + 900 * i) for i in range(3)],
    # 06:00 on weekdays: Monday, Tuesday, … and never on Saturday or Sunday
    "0 6 * * 1-5": [MONDAY + timedelta(seconds=10, days=d) for d in (0, 1, 2, 3, 4, 7)],
    # every 30 seconds (seconds are croniter's LAST field)
    "* * * * * */30": [MONDAY + timedelta(seconds=10 + 30 * i) for i in range(4)],
    # the docs' warning: seconds first is "every second of minutes :00 and :30"
    "*/30 * * * * *": [MONDAY + timedelta(seconds=10 + i) for i in range(3)],
}


def documented_expressions() -> dict[str, str]:
    """Each cron expression found in the docs, with the file it was found in."""
    found: dict[str, str] = {}
    for path in DOCS:
        text = path.read_text(encoding="utf-8")
        for pattern in (CRONTAB_LINE, QUOTED):
            for match in pattern.finditer(text):
                expression = " ".join(match.group(1).split())
                if expression.startswith("#"):
                    continue
                found.setdefault(expression, path.name)
    return found


def test_the_docs_contain_cron_examples_to_check() -> None:
    assert {"*/15 * * * *", "0 6 * * 1-5", "* * * * * */30"} <= set(documented_expressions())


@pytest.mark.parametrize(("expression", "where"), sorted(documented_expressions().items()))
def test_every_documented_cron_expression_parses_and_fires_when_the_docs_say(
        expression: str, where: str) -> None:
    assert croniter.is_valid(expression), f"{where}: {expression!r} is not valid for croniter"
    assert expression in MEANINGS, (
        f"{where}: {expression!r} has no documented meaning in this test; add it to MEANINGS")
    expected = MEANINGS[expression]
    times = croniter(expression, MONDAY)
    assert [times.get_next(datetime) for _ in expected] == expected


def test_the_every_30_seconds_example_puts_seconds_last() -> None:
    text = (ROOT / "docs" / "scheduling.md").read_text(encoding="utf-8")
    every_30 = re.search(rf'"({FIELD}(?: {FIELD}){{5}})"`? runs every\s+30 seconds', text)
    assert every_30 is not None and every_30.group(1) == "* * * * * */30"
    times = croniter(every_30.group(1), MONDAY)
    first, second = times.get_next(datetime), times.get_next(datetime)
    assert second - first == timedelta(seconds=30)
