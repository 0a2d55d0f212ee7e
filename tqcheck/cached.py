"""``cached``: ``functools.cached_property`` without the lock Python 3.11 takes on every first access. The
objects it serves (a pair's source index and name analysis, a text's polarity) live and die within one call
and are read from one thread; a property of one is worked out once, on first use."""
from __future__ import annotations

from typing import Any, Callable


class cached:  # noqa: N801 - used as a decorator, like functools.cached_property
    def __init__(self, func: Callable[[Any], Any]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.func(obj)
        return value
