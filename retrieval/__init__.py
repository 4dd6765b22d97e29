"""How we find it: embeddings, Chroma store, BM25, hybrid fusion, filters, indexing."""
