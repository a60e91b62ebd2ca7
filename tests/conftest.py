"""Test-wide setup: Qt runs offscreen and caches go to a temporary folder, before anything imports Qt."""

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_CACHE_HOME", tempfile.mkdtemp(prefix="parallax-test-cache-"))
