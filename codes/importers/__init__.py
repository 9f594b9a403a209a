"""Importers: one module per official source, each a pure parse step plus one apply step."""
