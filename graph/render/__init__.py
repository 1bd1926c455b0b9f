"""Rendering: the actor network, the HTML view, exports and terminal output."""
