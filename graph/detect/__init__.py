"""Detection: the rules (``ontology/rules/*.rq``), working sets, folds, SHACL."""
