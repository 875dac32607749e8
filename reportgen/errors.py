"""The project's exceptions: what the user must fix (`ReportgenError`) versus a bug (anything else).

The CLI maps `ReportgenError` to a one-line message and exit code 1 (2 for usage errors);
anything else is a bug and is reported as such.
"""

from __future__ import annotations


class ReportgenError(Exception):
    """Something the user must fix; `str(error)` is the one-line message to show."""

    exit_code = 1


class InputError(ReportgenError):
    """A source document, overrides file or config that cannot be used as it is."""


class QuantityError(ReportgenError):
    """Text that is not a quantity the parser understands."""


class OverridesError(InputError):
    """An overrides file that is invalid (unknown id, unknown key, bad value)."""


class ConfigError(InputError):
    """A config file or value that is invalid."""


class TemplateError(ReportgenError):
    """A template that fails to load or render; the message starts with `file:line:`."""


class ChartError(ReportgenError):
    """A chart that cannot be chosen or drawn (unknown chart id, unknown kind)."""


class MasterError(ReportgenError):
    """A PowerPoint master that cannot be used."""


class BuildError(ReportgenError):
    """A build that could not complete (lock held, one or more documents failed)."""
