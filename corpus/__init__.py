"""Cluster Advisor corpus: typed records, loaders, cleaning, chunking and the bundled corpus."""
