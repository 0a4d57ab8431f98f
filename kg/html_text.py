"""Main text of an HTML page, as plain text (scripts, styles and page chrome dropped)."""
from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser as HTMLParser

_DROP = "script, style, noscript, template, iframe, svg, nav, header, footer, aside, form, button, select"
_BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, blockquote, td, pre"


def html_to_text(html: str) -> tuple[str | None, str]:
    """Return ``(title, text)``: paragraphs of ``<article>``/``<main>``/``<body>`` joined by newlines."""
    tree = HTMLParser(html)
    title_node = tree.css_first("meta[property='og:title']")
    title = title_node.attributes.get("content") if title_node else None
    title_tag = tree.css_first("title")
    if not title and title_tag is not None:
        title = title_tag.text(strip=True)
    for node in tree.css(_DROP):
        node.decompose()
    root = tree.css_first("article") or tree.css_first("main") or tree.body or tree.root
    if root is None:
        return title, ""
    blocks = [node.text(separator=" ", strip=True) for node in root.css(_BLOCKS)]
    blocks = [b for b in blocks if b]
    text = "\n".join(blocks) if blocks else root.text(separator="\n", strip=True)
    return title or None, text
