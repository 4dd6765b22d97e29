"""How we know it works: datasets, metrics, baselines, benchmarks, reports."""
