"""The quad type the pipeline writes, and the default graph's name."""

from __future__ import annotations

from rdflib import URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

Quad = tuple[Node, Node, Node, URIRef]
#: What claimgraph asserts lives in the default graph (see :mod:`.build`).
DEFAULT = DATASET_DEFAULT_GRAPH_ID
