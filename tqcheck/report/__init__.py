"""Reports: one formatter per output format, registered by name in ``output.FORMATTERS``."""
from __future__ import annotations

#: Every ``--output-format``, in the order ``tqcheck compare --help`` lists them. Kept here, free of
#: imports, so that the CLI can offer the names without loading the formatters.
FORMAT_NAMES = ("text", "json", "jsonl", "csv", "parquet", "html", "sarif", "github", "junit")
#: Formats that are bytes, not text: never printed to a terminal.
BINARY_FORMATS = frozenset({"parquet"})
