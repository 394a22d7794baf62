"""Article text shown as text: the one HTML escape for everything plotly or TimelineJS renders.

Why one: plotly reads a little HTML in titles, labels and hover texts, and TimelineJS renders its
text fields as HTML, so a headline such as ``<img src=x onerror=...>`` from a scraped page must
arrive as characters. Quotes are kept by default, since plotly shows ``&quot;`` literally;
``quote=True`` escapes them too, for HTML proper (TimelineJS, attribute values).
"""

from __future__ import annotations

import html


def escape(text: object, *, quote: bool = False) -> str:
    """``text`` with ``&``, ``<`` and ``>`` (and with ``quote``, ``"`` and ``'``) as entities."""
    return html.escape(str(text), quote=quote)
