"""Bar charts as inline SVG, drawn in Python so the HTML report needs no script library and no network.

One chart shape serves both views (issues by kind, by department): horizontal
bars, because the labels are long Chinese phrases that do not fit under a
column; each bar stacked by severity in the colours of the issue table.
"""

from __future__ import annotations

from collections import Counter

from markupsafe import Markup, escape

from auditor.i18n import t
from auditor.issue import SEVERITIES
from auditor.render.rows import display_width

BAR_COLOR = {"error": "#c0392b", "warning": "#e0a000", "info": "#5b9bd5"}
_WIDTH = 600
_ROW = 26
_BAR = 16
_TOP = 30
_CHAR = 7.2  # px per display column at 13px, with room (a CJK character is 2 columns)
_LABEL_MAX = 40  # display columns; longer labels are cut with …


def _cut(label: str) -> str:
    if display_width(label) <= _LABEL_MAX:
        return label
    out = ""
    for ch in label:
        if display_width(out + ch) > _LABEL_MAX - 1:
            break
        out += ch
    return out + "…"


def bar_chart(rows: list[tuple[str, Counter]], title: str, lang: str, more: int = 0) -> Markup:
    """A stacked horizontal bar per (label, issues by severity); `more` notes rows left out."""
    labels = [_cut(label) for label, _ in rows]
    label_w = int(min(max([display_width(x) for x in labels] + [4]), _LABEL_MAX) * _CHAR) + 12
    left, right = label_w, _WIDTH - 48
    peak = max([sum(c.values()) for _, c in rows] + [1])
    height = _TOP + _ROW * len(rows) + (22 if more else 8)
    parts = [
        (
            f'<svg class="chart" viewBox="0 0 {_WIDTH} {height}" width="{_WIDTH}" height="{height}" '
            f'role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>'
        )
    ]
    x = left
    for severity in SEVERITIES:  # legend
        name = escape(t(lang, f"severity.{severity}"))
        parts.append(
            f'<rect x="{x}" y="6" width="12" height="12" fill="{BAR_COLOR[severity]}"/>'
            f'<text x="{x + 16}" y="16" class="legend">{name}</text>'
        )
        x += 16 + display_width(str(name)) * _CHAR + 18
    for n, ((label, counts), shown) in enumerate(zip(rows, labels)):
        y = _TOP + n * _ROW
        parts.append(
            f"<g><title>{escape(label)}: {sum(counts.values())}</title>"
            f'<text x="{left - 8}" y="{y + 13}" text-anchor="end" class="label">{escape(shown)}</text>'
        )
        x = float(left)
        for severity in SEVERITIES:
            value = counts.get(severity, 0)
            if value:
                w = max((right - left) * value / peak, 1.0)
                parts.append(
                    f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{_BAR}" '
                    f'fill="{BAR_COLOR[severity]}" data-severity="{severity}"/>'
                )
                x += w
        parts.append(f'<text x="{x + 4:.1f}" y="{y + 13}" class="value">{sum(counts.values())}</text></g>')
    if more:
        parts.append(
            f'<text x="{left}" y="{height - 6}" class="label">{escape(t(lang, "report.other", n=more))}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))
