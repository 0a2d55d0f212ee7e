"""Errors that the CLI turns into one line on stderr and exit code 2."""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator


class TQCheckError(Exception):
    """Base class for every error tqcheck reports to the user without a traceback."""


class InputError(TQCheckError):
    """A problem with an input file; names the file (and line, when one is known)."""

    def __init__(self, path: str, problem: str, line: int | None = None) -> None:
        self.path = path
        self.problem = problem
        self.line = line
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {problem}")


class UsageError(TQCheckError):
    """A bad option or combination of options."""


class ModelError(TQCheckError):
    """A model that was asked for cannot be loaded (not installed, unreachable, broken)."""


class TQCheckWarning(RuntimeWarning):
    """Something the user should know that does not stop the run (an unusable cache); the CLI shows it
    as one ``tqcheck: note:`` line, silenced by ``-q``, never as a Python warning with a source line."""


@contextmanager
def reading(shown: str, kind: str = "file") -> Iterator[None]:
    """Turn the operating system's errors while reading ``shown`` into one ``InputError`` each (``kind``
    names what the file should be: "file", "config file")."""
    what = "config" if kind == "config file" else ""
    try:
        yield
    except FileNotFoundError:
        raise InputError(shown, f"no such {kind}") from None
    except NotADirectoryError:
        raise InputError(shown, f"no such {kind} (a parent of it is not a directory)") from None
    except IsADirectoryError:
        raise InputError(shown, f"is a directory, not a {kind}") from None
    except PermissionError:
        raise InputError(shown, "permission denied") from None
    except OSError as exc:
        raise InputError(shown, f"cannot read{' ' + what if what else ''}: {exc.strerror or exc}") from None
