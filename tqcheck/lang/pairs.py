"""Data of a pair of languages rather than of one: the usual translation length ratios, measured on parallel
data by scripts/measure_ratios.py (a direction measured anew is a line here, not an edit of a check).

Values are the mean natural log of (non-space characters of the translation / of the source) and
its standard deviation per segment, for each direction: WMT22 professional references (the
even-numbered segments of each direction, 724-1,014 segments each); zh-en also from WMT23 and FLORES
references (162 pairs), de-fr from the Text+Berg gold (85 pairs, same spread). A direction not
measured uses the other direction's figures, negated.
"""
from __future__ import annotations

#: The spread measured on the sentence-level sets (0.15-0.29 over the WMT22 directions).
DEFAULT_SD = 0.27
_MEASURED: dict[tuple[str, str], tuple[float, float]] = {
    ("zh", "en"): (1.172, 0.234), ("en", "zh"): (-0.973, 0.250),
    ("ja", "en"): (0.764, 0.287), ("en", "ja"): (-0.553, 0.223),
    ("ru", "en"): (0.001, 0.174), ("en", "ru"): (0.130, 0.184),
    ("uk", "en"): (0.041, 0.198), ("en", "uk"): (0.093, 0.227),
    ("cs", "en"): (0.101, 0.156), ("en", "cs"): (0.011, 0.181),
    ("de", "en"): (-0.070, 0.151), ("en", "de"): (0.204, 0.172),
    ("de", "fr"): (0.035, 0.187), ("fr", "de"): (0.069, 0.164),
}


def usual_log_ratio(src_lang: str, tgt_lang: str) -> tuple[float, float] | None:
    """(mean, sd) of log(target chars / source chars) for the pair, either direction, or None."""
    if (src_lang, tgt_lang) in _MEASURED:
        return _MEASURED[(src_lang, tgt_lang)]
    if (tgt_lang, src_lang) in _MEASURED:
        mean, sd = _MEASURED[(tgt_lang, src_lang)]
        return -mean, sd
    return None
