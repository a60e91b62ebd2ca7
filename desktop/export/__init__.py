"""A finished comparison as files, and the rules every file a run writes follows.

``jsonio`` is the ``parallax/comparison-v1`` JSON contract (read back too), ``html`` the self-contained HTML
report (its template and stylesheet are resources, ``resources/templates``), ``atomic`` the writes a crash
never leaves half done, ``output_guard`` the rule that no output may be something the same run reads.

Callers import from here, as in ``from desktop.export import write_json, write_html``. Each name is imported
from its module on first use, so importing the package itself costs nothing: writing JSON does not import Jinja2,
and the app imports the HTML report only when it first exports one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.lazy_door import lazy_door

if TYPE_CHECKING:  # for type checkers, and so that PyInstaller sees the modules
    from desktop.export.html import CSP, STYLESHEET, TEMPLATE, nest, render_html, write_html
    from desktop.export.jsonio import SCHEMA, document_text, dumps, from_dict, read_json, to_dict, write_json

__all__ = [
    "CSP",
    "SCHEMA",
    "STYLESHEET",
    "TEMPLATE",
    "document_text",
    "dumps",
    "from_dict",
    "nest",
    "read_json",
    "render_html",
    "to_dict",
    "write_html",
    "write_json",
]

_HOMES = {
    "CSP": "html",
    "SCHEMA": "jsonio",
    "STYLESHEET": "html",
    "TEMPLATE": "html",
    "document_text": "jsonio",
    "dumps": "jsonio",
    "from_dict": "jsonio",
    "nest": "html",
    "read_json": "jsonio",
    "render_html": "html",
    "to_dict": "jsonio",
    "write_html": "html",
    "write_json": "jsonio",
}

__getattr__ = lazy_door(__name__, _HOMES)
