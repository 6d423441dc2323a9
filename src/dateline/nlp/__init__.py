"""Everything that touches spaCy lives here; ``convert.py`` is the one boundary out."""
