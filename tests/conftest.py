import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
# compare caches embeddings on disk by default: the tests' cache lives in a throwaway folder, so a test
# never reads what a developer's own runs left in theirs (tests that need their own set it per test).
os.environ.setdefault("TQCHECK_CACHE_DIR", tempfile.mkdtemp(prefix="tqcheck-test-cache-"))
ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


@pytest.fixture
def samples() -> Path:
    return SAMPLES
