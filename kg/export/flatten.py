"""Scalar, XML-safe views of node and edge attributes (for GraphML, GEXF and CSV)."""
from __future__ import annotations

import re
from typing import Any

# Characters XML 1.0 forbids, plus the bidi/zero-width controls that garble Gephi's labels.
_ILLEGAL = re.compile("[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]")
JOIN = " | "


def xml_safe(text: str) -> str:
    return _ILLEGAL.sub("", text)


def node_row(node: str, data: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": node,
        "label": xml_safe(data.get("label") or ""),
        "type": data.get("type") or "",
        "name_ar": xml_safe(data.get("name_ar") or ""),
        "name_en": xml_safe(data.get("name_en") or ""),
        "aliases": xml_safe(JOIN.join(data.get("aliases") or [])),
        "mentions": int(data.get("mentions") or 0),
        "articles": JOIN.join(data.get("articles") or []),
        "n_articles": len(data.get("articles") or []),
    }


def edge_row(u: str, v: str, key: str, data: dict[str, Any]) -> dict[str, Any]:
    attrs = data.get("attrs") or {}
    evidence = data.get("evidence") or []
    current = attrs.get("current")
    return {
        "source": u,
        "target": v,
        "key": key,
        "relation": data.get("relation") or "",
        "role": xml_safe(str(attrs.get("role") or "")),
        "current": "" if current is None else str(bool(current)).lower(),
        "weight": int(data.get("weight") or 0),
        "confidence": float(data.get("confidence") or 0.0),
        "evidence": xml_safe(JOIN.join(e["sentence"] for e in evidence)),
        "articles": JOIN.join(sorted({e["article"] for e in evidence})),
        "rules": JOIN.join(sorted({e["rule"] for e in evidence})),
    }
