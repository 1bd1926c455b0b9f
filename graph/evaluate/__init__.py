"""Evaluation: gold files, extraction scores, incident relations."""
