"""Packaging: an SPDX licence with its file shipped, bounded dependencies pinned for CI by
constraints.txt, and a wheel build with no setuptools deprecation warning."""

from __future__ import annotations

import importlib.metadata
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PROJECT = PYPROJECT["project"]
TEST_COMMAND = "python3 -m pip install -e '.[test]' -c constraints.txt && python3 -m pytest"


def _requirements() -> list[Requirement]:
    """The runtime, test and dev requirements of pyproject.toml."""
    extras = PROJECT["optional-dependencies"]
    return [Requirement(r) for r in [*PROJECT["dependencies"], *extras["test"], *extras["dev"]]]


def _pins() -> dict[str, str]:
    """constraints.txt as {canonical name: version}."""
    lines = (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
    pins = [line.split("==") for line in lines if line.strip() and not line.startswith("#")]
    return {canonicalize_name(name): version.strip() for name, version in pins}


def test_the_licence_is_an_spdx_expression_and_its_file_is_listed_and_present() -> None:
    assert PROJECT["license"] == "MIT"
    assert PROJECT["license-files"] == ["LICENSE"]
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License") and "Copyright (c) 2026 the reportgen authors" in text


def test_every_dependency_has_an_upper_bound() -> None:
    unbounded = [str(r) for r in _requirements()
                 if not any(s.operator in ("<", "<=", "==", "~=") for s in r.specifier)]
    assert unbounded == []


def test_constraints_pin_every_runtime_and_test_dependency_inside_its_bounds() -> None:
    pins = _pins()
    extras = PROJECT["optional-dependencies"]
    for requirement in map(Requirement, [*PROJECT["dependencies"], *extras["test"]]):
        pinned = pins.get(canonicalize_name(requirement.name))
        assert pinned is not None, f"constraints.txt does not pin {requirement.name}"
        assert requirement.specifier.contains(pinned), f"{requirement.name}=={pinned}"


def test_the_installed_versions_are_the_pinned_ones_the_suite_runs_with() -> None:
    # a pin that differs from what is installed was never tested
    for requirement in map(Requirement, PROJECT["dependencies"]):
        installed = importlib.metadata.version(requirement.name)
        assert requirement.specifier.contains(installed), f"{requirement.name} {installed}"


def test_ci_and_the_readme_run_the_same_constrained_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert TEST_COMMAND in ci.splitlines()
    assert f"    {TEST_COMMAND}" in readme.splitlines()


def test_building_the_wheel_gives_no_setuptools_deprecation_warning(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, project / name)
    shutil.copytree(ROOT / "reportgen", project / "reportgen",
                    ignore=shutil.ignore_patterns("__pycache__"))
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-v", "--no-deps", "--disable-pip-version-check",
         "-w", str(tmp_path / "dist"), str(project)],
        capture_output=True, text=True, timeout=300, check=False)
    output = done.stdout + done.stderr
    if done.returncode and "No matching distribution found for setuptools" in output:
        pytest.skip("pip cannot reach a package index to fetch the build backend (offline)")
    assert done.returncode == 0, output[-2000:]
    assert not re.search(r"Deprecat|License classifiers", output), output[-4000:]
    wheel = next((tmp_path / "dist").glob("reportgen-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        metadata = archive.read(next(n for n in names if n.endswith(".dist-info/METADATA")))
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert b"License-Expression: MIT" in metadata
