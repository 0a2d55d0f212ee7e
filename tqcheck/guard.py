"""How every ``tqcheck`` command ends: tqcheck's errors and OS errors at the edges as one line on
stderr with exit 2, Ctrl-C and SIGTERM as a clean stop, output in UTF-8 whatever the locale says."""
from __future__ import annotations

import errno
import functools
import os
import signal
import sys
import threading
import warnings
from typing import Any, Callable

import click

from .errors import TQCheckError, TQCheckWarning

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
#: Exit codes of a run stopped by a signal, as a shell reports them (128 + the signal's number).
EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program is so that ``finally`` blocks (temporary files) run; a
    KeyboardInterrupt, so that code which stops cleanly on Ctrl-C (an audit keeps what it finished)
    stops the same way on SIGTERM."""


def _on_sigterm(signum: int, frame: Any) -> None:
    raise Terminated()


def _utf8_streams() -> None:
    """Reports and messages are UTF-8 even under ``PYTHONIOENCODING=cp1252`` or a C locale: a
    report that cannot be written in the locale's codec must not crash the run after all the work."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        try:
            if (stream.encoding or "").replace("_", "-").lower() not in ("utf-8", "utf8"):
                reconfigure(encoding="utf-8", errors="backslashreplace")
            elif stream is sys.stderr:
                reconfigure(errors="backslashreplace")
        except (ValueError, OSError):  # a closed or detached stream: reported where it is written
            pass


def _quiet_signals() -> None:
    """From here on a signal ends the process at once, without a Python traceback or 'Exception
    ignored' (the run is over: its report is written or it has failed)."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


def fail(message: str) -> None:
    """One line on stderr, exit 2."""
    try:
        click.echo(f"tqcheck: error: {message}", err=True)
    except (OSError, ValueError):  # stderr itself is closed or full: the exit code still says it
        pass
    sys.exit(EXIT_ERROR)


def _stream_error(exc: OSError) -> str | None:
    """The message for an error writing to standard output, or None if ``exc`` is another error."""
    if isinstance(exc, BrokenPipeError):
        return "standard output was closed before the report was written (a pipe's reader exited)"
    if exc.errno == errno.ENOSPC:
        return "cannot write the report to standard output: no space left on the device"
    if exc.errno in (errno.EBADF, errno.EINVAL):
        return "cannot write the report: standard output is closed"
    return None


def guarded(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn tqcheck's own errors into one line and exit 2; anything unexpected too, without a
    traceback unless TQCHECK_DEBUG=1 (a crash must never look like a clean or failing check)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        in_main = threading.current_thread() is threading.main_thread()
        previous = signal.signal(signal.SIGTERM, _on_sigterm) if in_main else None
        _utf8_streams()
        try:
            with warnings.catch_warnings():
                warnings.showwarning = _notes(bool(kwargs.get("quiet")), warnings.showwarning)
                return func(*args, **kwargs)
        except TQCheckError as exc:
            _quiet_signals()
            fail(str(exc))
        except Terminated:
            _quiet_signals()
            _stop("terminated", EXIT_TERMINATED)
        except KeyboardInterrupt:
            _quiet_signals()
            _stop("interrupted", EXIT_INTERRUPTED)
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            _quiet_signals()
            raise
        except OSError as exc:
            _quiet_signals()
            message = _stream_error(exc)
            if message is None:
                _internal(exc)
            _silence_stdout()
            fail(message or "")
        except Exception as exc:  # noqa: BLE001 - the last line of defence
            _quiet_signals()
            _internal(exc)
        finally:
            if in_main and previous is not None and signal.getsignal(signal.SIGTERM) is _on_sigterm:
                signal.signal(signal.SIGTERM, previous)

    return wrapper


def _notes(quiet: bool, other: Callable[..., None]) -> Callable[..., None]:
    """``warnings.showwarning`` for a command: tqcheck's own warnings as one note line (none with
    ``-q``), anything else as Python shows it."""

    def show(message: Warning | str, category: type[Warning], filename: str, lineno: int,
             file: Any = None, line: str | None = None) -> None:
        if not issubclass(category, TQCheckWarning):
            other(message, category, filename, lineno, file, line)
        elif not quiet:
            try:
                click.echo(f"tqcheck: note: {message}", err=True)
            except (OSError, ValueError):
                pass

    return show


def _stop(what: str, code: int) -> None:
    try:
        click.echo(f"tqcheck: {what}", err=True)
    except (OSError, ValueError):
        pass
    sys.exit(code)


def _internal(exc: BaseException) -> None:
    if os.environ.get("TQCHECK_DEBUG"):
        raise exc
    fail(f"internal error: {type(exc).__name__}: {exc} (set TQCHECK_DEBUG=1 for a traceback, and please report it)")


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's final flush of a broken stdout does not
    print 'Exception ignored' after the one-line error."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        sys.stdout = None  # type: ignore[assignment]
