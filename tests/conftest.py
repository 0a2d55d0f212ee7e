import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
# compare caches embeddings on disk by default: the tests' cache lives in a throwaway folder, so a test
# never reads what a developer's own runs left in theirs (tests that need their own set it per test). The
# folder goes when the run ends: with the libraries' prepared copies in it, each run left 100-230 MB behind.
if "TQCHECK_CACHE_DIR" not in os.environ:
    os.environ["TQCHECK_CACHE_DIR"] = _THROWAWAY = tempfile.mkdtemp(prefix="tqcheck-test-cache-")
    _OWNER = os.getpid()  # (forked processes inherit the handler; only this one removes the folder)
    atexit.register(lambda: os.getpid() == _OWNER and shutil.rmtree(_THROWAWAY, ignore_errors=True))
ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


@pytest.fixture
def samples() -> Path:
    return SAMPLES
