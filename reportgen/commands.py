"""Subcommands build, check, templates, watch and schedule (filled in by the build stage)."""

from __future__ import annotations

import argparse


def add_build_commands(commands: argparse._SubParsersAction) -> None:
    """Register the build-related subcommands on `commands`."""
