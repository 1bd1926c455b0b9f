"""RDF: extraction to quads, deterministic IRIs, the quad type."""
