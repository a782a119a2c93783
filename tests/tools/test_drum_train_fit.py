"""drum_train.fit: the classifier depends on the features' values, not on their memory order (a column
cut such as drum_train's ``f[:, kept]`` is Fortran-ordered, and a float32 mean summed down a column in
another order moved the shipped classifier's standardising means by up to 7e-5, issue 54 part N)."""

from __future__ import annotations

import numpy as np

from tools.corpus import drum_train


def test_the_fit_does_not_depend_on_memory_order() -> None:
    rng = np.random.default_rng(3)
    features = (rng.normal(size=(4000, 6)) * [1, 2, 3, 4, 5, 6] + 7).astype(np.float32)
    labels = (features[:, :2] > 7).astype(np.int8)
    cut = np.vstack([features[:, [0, 1, 2, 3, 4, 5]]])  # as drum_train cuts the columns it keeps
    assert cut.flags["F_CONTIGUOUS"] and not cut.flags["C_CONTIGUOUS"]
    plain = drum_train.fit(features, labels, hidden=4, net_seed=1)
    ordered = drum_train.fit(cut, labels, hidden=4, net_seed=1)
    np.testing.assert_array_equal(ordered.mean_, plain.mean_)
    np.testing.assert_array_equal(ordered.scale_, plain.scale_)
    for a, b in zip(ordered.coefs_, plain.coefs_, strict=True):
        np.testing.assert_array_equal(a, b)
