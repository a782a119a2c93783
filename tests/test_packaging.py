"""pyproject.toml as setuptools reads it: the licence is an SPDX expression with its file, so an
install prints no deprecation about it (the table form stops building after 2027-02-18)."""

from __future__ import annotations

import tomllib
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_license_is_an_spdx_string_with_its_file_and_setuptools_warns_of_nothing_about_it() -> None:
    from setuptools.config.pyprojecttoml import apply_configuration
    from setuptools.dist import Distribution

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["license"] == "MIT"
    assert all((ROOT / name).is_file() for name in project["license-files"]), project["license-files"]
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        dist = apply_configuration(Distribution(), ROOT / "pyproject.toml")
    about_license = [str(w.message) for w in seen if "license" in str(w.message).lower()]
    assert about_license == [], about_license
    assert dist.metadata.license_expression == "MIT"
    assert "License ::" not in " ".join(dist.metadata.classifiers or [])  # one statement of it
