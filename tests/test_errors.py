"""errors.py: problems the user must fix are `ReportgenError`s, each with its exit code."""

from __future__ import annotations

from reportgen.errors import (
    ChartError,
    ConfigError,
    InputError,
    OverridesError,
    ReportgenError,
    TemplateError,
)


def test_every_user_error_is_a_reportgen_error_with_a_nonzero_exit_code() -> None:
    for kind in (InputError, OverridesError, ConfigError, TemplateError, ChartError):
        error = kind("x.txt: wrong; fix it")
        assert isinstance(error, ReportgenError)
        assert error.exit_code != 0


def test_overrides_and_config_mistakes_are_input_errors() -> None:
    assert issubclass(OverridesError, InputError) and issubclass(ConfigError, InputError)
