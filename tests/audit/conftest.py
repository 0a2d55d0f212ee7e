from pathlib import Path

import pytest
from audit_helpers import make_dir_feed


@pytest.fixture
def feed_dir(tmp_path: Path) -> Path:
    """Six document pairs named docNNN.LANG.txt + docNNN.en.txt (zh, ru and ja originals)."""
    return make_dir_feed(tmp_path / "feed", 6)


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The embedding cache of these tests (and of the audits they start) in tmp_path."""
    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(tmp_path / "tqcheck-cache"))


@pytest.fixture(autouse=True)
def fresh_worker_state():  # type: ignore[no-untyped-def]
    """Audits run in this process prepare it once (BLAS threads); each test starts unprepared."""
    from tqcheck.audit import work

    work._prepared.clear()
    yield
    work._prepared.clear()
