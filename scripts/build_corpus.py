"""Build the bundled corpus (corpus/data/*) from the raw public data.

Usage: python scripts/build_corpus.py --raw ../shared/data/raw [--out corpus/data] [--no-vectors]
       python scripts/build_corpus.py --vectors-only [--out corpus/data]
       python scripts/build_corpus.py --glossary-only [--out corpus/data]

The output is reproducible: the same raw data gives byte-identical files, the shipped vectors
included (computed with the bundled ONNX model on the CPU in a fixed batch order and thread count).
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from corpus.bundle import DEFAULT_BUNDLE_DIR, write_bundle  # noqa: E402
from corpus.sources.raw import load_raw_records  # noqa: E402

VECTOR_THREADS = 1


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, load the raw data, write the bundle, print a summary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--raw", type=Path, default=REPO_ROOT.parent / "shared" / "data" / "raw")
    parser.add_argument("--out", type=Path, default=DEFAULT_BUNDLE_DIR)
    parser.add_argument("--no-vectors", action="store_true", help="Skip computing the shipped vectors.")
    parser.add_argument(
        "--vectors-only", action="store_true", help="Only recompute the shipped vectors of --out."
    )
    parser.add_argument(
        "--glossary-only", action="store_true", help="Only recompute the glossary of --out (about a minute)."
    )
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(message)s"
    )
    if args.vectors_only:
        return _vectors(args.out)
    if args.glossary_only:
        return _glossary(args.out)
    if not args.raw.is_dir():
        print(f"raw data folder not found: {args.raw}", file=sys.stderr)
        return 2
    result = load_raw_records(args.raw)
    manifest = write_bundle(result.records, args.out, skipped=result.skipped)
    total = sum(file.bytes for file in manifest.files)
    print(f"bundle written to {args.out}")
    for file in manifest.files:
        print(f"  {file.name:20} {file.records:6} records {file.bytes / 1024:8.0f} KiB")
    print(f"  total {total / 1024 / 1024:.2f} MiB; {len(manifest.skipped)} skipped items (see manifest.json)")
    return 0 if args.no_vectors else _vectors(args.out)


def _vectors(out: Path) -> int:
    """Compute the shipped vectors of the bundle in ``out`` with each bundled embedding model.

    MiniLM (the default search model) and multilingual-e5-small (cross-lingual search,
    ``retrieval/crosslingual.py``, and the ``e5-small`` backend). E5 is the slow one: about 17
    minutes on an idle 2-core machine (its C engine, ~900 tokens/s).
    """
    import time

    from retrieval.embeddings import OnnxMiniLMEmbedder
    from retrieval.embeddings_e5 import E5SmallEmbedder
    from retrieval.shipped_vectors import write_shipped_vectors

    # MiniLM on one thread whatever the machine: the same bytes everywhere (1 and 2 threads measured
    # identical here), and faster than two spinning threads on a busy 2-core machine. E5's vector of a
    # text does not depend on its batch or threads (retrieval/embeddings_e5.py).
    for embedder in (OnnxMiniLMEmbedder(threads=VECTOR_THREADS), E5SmallEmbedder()):
        started = time.perf_counter()
        entry = write_shipped_vectors(embedder, out)
        print(
            f"  {entry.file}: {entry.rows} vectors ({entry.model}, {entry.dtype}) "
            f"{entry.bytes / 1024 / 1024:.2f} MiB in {time.perf_counter() - started:.0f} s"
        )
    return _glossary(out)


def _glossary(out: Path) -> int:
    """Write the English words of the bundle in ``out`` with their E5 vectors (``glossary-e5.npz``:
    questions in other languages have their words translated into them, retrieval/word_translation.py)."""
    import time

    from retrieval.embeddings_e5 import E5SmallEmbedder
    from retrieval.word_translation import build_bundle_glossary

    started = time.perf_counter()
    path, words = build_bundle_glossary(out, E5SmallEmbedder())
    print(f"  {path.name}: {words} English words in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
