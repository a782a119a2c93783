"""drum_train --timbre: drum_timbre's features follow the band features unchanged, a tone tilt moves
them as it moves the bands, a set is picked by name, and a name that is no feature is refused."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from engines.transcription.drum_timbre import TIMBRE_NAMES
from tools.corpus import drum_kits, drum_train


def test_timbre_features_follow_the_band_features(tmp_path: Path) -> None:
    kit = drum_kits.Kit("synth", 0, "synth-0")  # synthesized in numpy: no soundfont needed
    wav, rows = drum_kits.parts(tmp_path, kit, seeds=(1,), tempos=(100.0,), n_random=1, seed=5)[0]
    y = drum_kits.plain(wav)
    bands, labels = drum_train.labelled_hits(y, rows)
    both, same_labels = drum_train.labelled_hits(y, rows, timbre=True)
    tilted, _ = drum_train.labelled_hits(y, rows, 0.2, timbre=True)
    np.testing.assert_array_equal(both[:, : bands.shape[1]], bands)
    np.testing.assert_array_equal(same_labels, labels)
    assert both.shape[1] == bands.shape[1] + len(TIMBRE_NAMES)
    body_to_high = bands.shape[1] + TIMBRE_NAMES.index("body_to_high")
    # a tilt up towards the highs (0.2 log10 from lowest band to highest) lowers body over highs
    moved = tilted[:, body_to_high] - both[:, body_to_high]
    assert np.all(moved < 0) and moved.mean() < -0.05, moved
    kept = drum_train._kept(both, drum_train.timbre_columns("body_fall,body_to_high"), with_timbre=True)
    assert kept == [*range(bands.shape[1]), body_to_high + 3, body_to_high]


def test_an_unknown_timbre_name_is_refused() -> None:
    assert drum_train.timbre_columns("all") == list(range(len(TIMBRE_NAMES)))
    assert drum_train.timbre_columns("") == []
    with pytest.raises(SystemExit, match=r"\['body_ring'\] are no drum_timbre features"):
        drum_train.timbre_columns("body_to_high,body_ring")
