"""``tqcheck rules`` and ``tqcheck explain CODE``: the rule registry, listed and explained."""
from __future__ import annotations

import click

from ..errors import TQCheckError
from ..guard import guarded


@click.command()
@guarded
def rules() -> None:
    """List every rule: code, default severity, name and title."""
    from ..check.rules import REGISTRY

    for code, rule in REGISTRY.items():
        click.echo(f"{code}  {str(rule.severity):<8} {rule.name:<24} {rule.title}")


@click.command()
@click.argument("code")
@guarded
def explain(code: str) -> None:
    """Explain one rule: what it catches, why it matters, an example."""
    from ..check.rules import REGISTRY

    rule = REGISTRY.get(code.upper())
    if rule is None:
        raise TQCheckError(f"unknown rule code {code!r}; `tqcheck rules` lists them")
    click.echo(f"{rule.code} {rule.name} ({rule.severity}, {rule.category})\n")
    click.echo(rule.doc)
    if rule.suppresses:
        click.echo(f"\nGate: when it fires, rules starting with {', '.join(rule.suppresses)} are skipped for that pair.")
    if rule.needs:
        from ..lang import MODULES, supports

        langs = [code for code in MODULES if all(supports(code, c) for c in rule.needs)]
        click.echo(f"\nNeeds {' and '.join(rule.needs)} analysis in both languages: {', '.join(langs)} "
                   "(docs/languages.md); skipped, with a note, for other languages.")
