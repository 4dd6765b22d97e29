"""Fresh calls from the Funding & Tenders portal's public search API (``cluster-advisor refresh``).

- :mod:`corpus.refresh.sedia` — the HTTP client for the search API (the requests its public
  harvesters send: ``POST /search?apiKey=SEDIA&text=***&pageSize=&pageNumber=`` with multipart JSON
  parts ``query``, ``sort``, ``languages``, ``displayFields``) and the response models that refuse
  an unexpected shape.
- :mod:`corpus.refresh.normalise` — one search result into the grants-feed record shape, so that
  the bundle's own loader (:mod:`corpus.sources.ft_calls`) and merge rules map it.
- :mod:`corpus.refresh.grantsfeed` — a daily snapshot in the grants-feed format (a mirror).
- :mod:`corpus.refresh.log` — the change log, sightings and the refresh lease, in SQL.
- :mod:`corpus.refresh.apply` — plan (diff against the store) and apply (embed, then write).
"""
