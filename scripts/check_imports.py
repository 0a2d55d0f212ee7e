"""Import cycles and module sizes in tqcheck/: exit 1 when a module takes part in a cycle.

Every import counts, wherever it is written: at module level, inside a function (a lazy import is
still a dependency) and under ``if TYPE_CHECKING:``. An import of ``a.b.c`` is an edge to ``a.b.c``
only: that Python runs the parent packages' ``__init__`` first is not counted, or every package that
re-exports a submodule would be a cycle. Also lists the modules over --max-lines lines.

    python scripts/check_imports.py [--max-lines 500]
"""
from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "tqcheck"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports(path: Path, name: str, modules: set[str]) -> set[str]:
    """The tqcheck modules ``path`` imports anywhere in its body."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            # ``from pkg import sub`` imports the submodule pkg.sub; ``from mod import name`` imports mod.
            subs = {f"{target}.{alias.name}" for alias in node.names} & modules
            found.update(subs)
            if len(subs) < len(node.names):
                found.add(target)
    return {m for m in found if m in modules and m != name}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    sys.setrecursionlimit(max(10_000, sys.getrecursionlimit()))
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-lines", type=int, default=500, help="flag modules longer than this")
    args = parser.parse_args()
    paths = {module_name(p): p for p in sorted((ROOT / PACKAGE).rglob("*.py"))}
    modules = set(paths)
    graph = {name: imports(path, name, modules) for name, path in paths.items()}
    found = cycles(graph)
    edges = sum(len(v) for v in graph.values())
    print(f"{len(modules)} modules, {edges} import edges (module- and function-level), {len(found)} cycle(s)")
    for component in found:
        inner = [f"{a} -> {b}" for a in component for b in sorted(graph[a]) if b in component]
        print(f"cycle of {len(component)}: " + "; ".join(inner))
    sizes = {name: len(path.read_text(encoding="utf-8").splitlines()) for name, path in paths.items()}
    long = sorted(((n, name) for name, n in sizes.items() if n > args.max_lines), reverse=True)
    print(f"{len(long)} module(s) over {args.max_lines} lines" + (":" if long else ""))
    for n, name in long:
        print(f"  {n:5d}  {name}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
