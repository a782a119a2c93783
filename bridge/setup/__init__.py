"""Installing into Live and checking the setup: ``roo install`` and ``roo doctor``.

``install(user_library)`` copies the Remote Script (python-osc vendored beside it) and the
device into Ableton's User Library; ``doctor.checks(...)`` answers what works and what to do
about what does not (Python, packages, ports, Live or the in-memory Live, GPU, model caches),
each problem with its fix.
"""

from __future__ import annotations

from bridge.setup.install import default_user_library, install

__all__ = ["default_user_library", "install"]
