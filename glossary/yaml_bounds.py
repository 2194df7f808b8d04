"""Bounding a composed YAML document before anything walks it.

Aliases let a small file name one node many times: a 17 KB file can expand to
millions of nodes (the "billion laughs"), and a deep nesting can exhaust recursion.
`check_bounds` measures the document as if every alias were expanded, without
expanding it (each node's expanded size is computed once), and its depth, iteratively.
"""

from __future__ import annotations

from yaml.nodes import MappingNode, Node, SequenceNode

from glossary.i18n import _

MAX_EXPANDED_NODES = 2_000_000
MAX_EXPANSION = 4  # an expanded document may be this many times its distinct nodes
MAX_DEPTH = 64


def _children(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return list(node.value)
    if isinstance(node, MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def measure(root: Node) -> tuple[int, int, int]:
    """(expanded nodes, distinct nodes, depth) of the document; a cycle counts as
    unbounded (expanded size beyond any limit)."""
    sizes: dict[int, int] = {}
    depths: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, finished = stack.pop()
        key = id(node)
        kids = _children(node)
        if finished:
            open_nodes.discard(key)
            sizes[key] = min(1 + sum(sizes.get(id(k), 0) for k in kids), MAX_EXPANDED_NODES + 1)
            depths[key] = 1 + max((depths.get(id(k), 0) for k in kids), default=0)
            continue
        if key in sizes:
            continue
        if key in open_nodes:  # a recursive alias: `&a [*a]`
            return MAX_EXPANDED_NODES + 1, len(sizes), MAX_DEPTH + 1
        open_nodes.add(key)
        stack.append((node, True))
        stack.extend((kid, False) for kid in kids if id(kid) not in sizes)
    return sizes[id(root)], len(sizes), depths[id(root)]


def bounds_problem(root: Node) -> str | None:
    """Why the document is too large or too deep to read, or None."""
    expanded, distinct, depth = measure(root)
    if depth > MAX_DEPTH:
        return _("nested more than {depth} levels deep").format(depth=MAX_DEPTH)
    if expanded > MAX_EXPANDED_NODES or expanded > MAX_EXPANSION * distinct + 10_000:
        message = _("YAML aliases expand {distinct} nodes to over {expanded}; not read")
        return message.format(distinct=distinct, expanded=min(expanded, MAX_EXPANDED_NODES))
    return None
