"""What a comparison is asked to do: the one ``Options`` the Python API, ``tqcheck compare`` and
``tqcheck audit`` fill in, with the valid values and defaults the CLI offers. Light to import, so that
the CLI can declare its choices from it without loading the pipeline."""
from __future__ import annotations

from dataclasses import dataclass, field

from .config import Config
from .errors import UsageError
from .models.backends import DEFAULT_EMBEDDER, TRANSLATORS
from .processes import free_cores
from .read.langid import normalise_lang

__all__ = ["DEFAULT_EMBEDDER", "DEFAULT_MODE", "DEFAULT_TRANSLATE", "MODES", "TRANSLATE_DIRECTIONS",
           "TRANSLATORS", "Options"]

MODES = ("document", "sentences-per-line", "aligned")
#: Which way a translator runs: the MT back into the source language, the source forward, or both.
TRANSLATE_DIRECTIONS = ("back", "forward", "both")
DEFAULT_MODE = "document"
DEFAULT_TRANSLATE = "back"


#: At most this many processes share a document's checks by default.
MAX_DEFAULT_JOBS = 4


def default_jobs() -> int:
    """The cores this process may run on that other processes do not keep busy (``processes.free_cores``), at
    most ``MAX_DEFAULT_JOBS``."""
    return min(MAX_DEFAULT_JOBS, free_cores())


@dataclass
class Options:
    """Options shared by the Python API and the CLI (the CLI only fills this in)."""

    src_lang: str | None = None
    tgt_lang: str | None = None
    mode: str = DEFAULT_MODE
    embedder: str | None = None  # None: the config's, else DEFAULT_EMBEDDER
    encoding: str | None = None
    select: tuple[str, ...] | None = None  # None: the config's, else every rule
    ignore: tuple[str, ...] | None = None
    glossaries: tuple[str, ...] = ()
    config: Config = field(default_factory=Config)
    translator: str | None = None  # a name of TRANSLATORS; None and "none": no translator
    translate: str = DEFAULT_TRANSLATE  # TRANSLATE_DIRECTIONS
    back_translation: str | None = None  # a file holding a back-translation of the translation
    reference: str | None = None  # a file holding a human reference translation
    cache: bool = True  # embeddings and translations on disk (tqcheck.cache)
    cache_dir: str | None = None
    threads: int | None = None  # BLAS threads of the bundled embedder (None: its default)
    src_encoding: str | None = None  # of the source alone (else ``encoding``)
    tgt_encoding: str | None = None  # of the translation alone (else ``encoding``)
    #: Keep the embedding model loaded after a document (a batch reuses it); a one-off run frees it
    #: before the checks, which lowers its peak memory.
    keep_models: bool = True
    #: Processes that share the checks of a long document (``tqcheck.check.runner.run_checks``): 1 in the
    #: Python API and in an audit's workers; the CLI's ``compare`` passes ``default_jobs()``.
    jobs: int = 1

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise UsageError(f"unknown mode {self.mode!r}; valid values: {', '.join(MODES)}")
        if self.translator not in (None, *TRANSLATORS):
            raise UsageError(f"unknown translator {self.translator!r}; valid values: {', '.join(TRANSLATORS)}")
        if self.translate not in TRANSLATE_DIRECTIONS:
            raise UsageError(f"unknown translation direction {self.translate!r}; valid values: "
                             f"{', '.join(TRANSLATE_DIRECTIONS)}")
        if self.translator == "argos" and self.back_translation and self.translate != "forward":
            raise UsageError("--back-translation FILE and --translator argos both give a back-translation; "
                             "pass one, or --translate forward to add a forward-translation")
        try:
            self.src_lang = normalise_lang(self.src_lang) if self.src_lang else None
            self.tgt_lang = normalise_lang(self.tgt_lang) if self.tgt_lang else None
        except ValueError as exc:
            raise UsageError(str(exc)) from exc
