"""Languages a statistical identifier confuses with one another on one sentence (a dialect, a close
neighbour): telling them apart is no evidence of a wrong language."""
from __future__ import annotations

CONFUSED: tuple[frozenset[str], ...] = (
    frozenset({"es", "gl", "pt", "ca", "an", "ast", "oc"}),
    frozenset({"fr", "oc", "wa", "ht", "ca"}),
    frozenset({"it", "co", "sc", "la", "vec"}),
    frozenset({"de", "lb", "nl", "af", "fy", "li", "nds", "gsw", "bar"}),
    frozenset({"da", "no", "nb", "nn", "sv", "fo", "is"}),
    frozenset({"ru", "uk", "be", "bg", "mk", "sr", "kk", "ky", "tt", "mn"}),
    frozenset({"sr", "hr", "bs", "sh", "sl", "mk", "me"}),
    frozenset({"cs", "sk"}),
    frozenset({"ms", "id", "jv", "su", "tl"}),
    frozenset({"hi", "mr", "ne", "sa"}),
    frozenset({"ar", "fa", "ur", "ps"}),
    frozenset({"en", "sco"}),
)


def confused(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are one language or two an identifier confuses."""
    return a == b or any(a in group and b in group for group in CONFUSED)
