"""The template search path: staff folder → project templates/ → shipped defaults."""

from __future__ import annotations

from reportgen.templating import (
    DEFAULTS_DIR,
    override_roots,
    template_roots,
    template_search_path,
)


def test_the_search_path_is_staff_then_project_then_defaults_with_their_roles(tmp_path):
    staff, project = tmp_path / "staff", tmp_path / "templates"
    staff.mkdir()
    project.mkdir()
    assert template_search_path(staff, project) == [
        ("staff", staff.resolve()), ("project", project.resolve()),
        ("default", DEFAULTS_DIR.resolve())]
    assert template_roots(staff, project) == [staff.resolve(), project.resolve(),
                                              DEFAULTS_DIR.resolve()]
    assert override_roots(staff, project) == [staff.resolve(), project.resolve()]


def test_missing_folders_are_left_out_and_a_folder_named_twice_keeps_its_first_role(tmp_path):
    assert template_search_path(tmp_path / "missing", None) == [
        ("default", DEFAULTS_DIR.resolve())]
    assert template_search_path(tmp_path, tmp_path) == [
        ("staff", tmp_path.resolve()), ("default", DEFAULTS_DIR.resolve())]
    assert override_roots(None, None) == []
