"""The reactiongraph domain: who reacted to what, and how.

This package depends on nothing else in the repository. It holds the pydantic
models, extraction from news text, the SQL store (the source of truth), the
networkx view of a scope of the store, and the exporters.
"""
