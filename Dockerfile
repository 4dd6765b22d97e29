# Cluster Advisor: the wheel, the bundled corpus and its shipped vectors, on a slim Python.
#   docker build -t cluster-advisor .
#   docker run -p 127.0.0.1:8000:8000 -v advisor-data:/data cluster-advisor
# The first start ingests the bundle from its shipped vectors (seconds, no embedding), later
# starts find it unchanged; then `serve`. See docs/deploy.md.
ARG PYTHON_IMAGE=python:3.11-slim-bookworm

FROM ${PYTHON_IMAGE} AS wheel
WORKDIR /src
# setup.py compiles the gettext catalogs (.po -> .mo) into the wheel.
COPY pyproject.toml setup.py README.md LICENSE NOTICE ./
COPY corpus corpus
COPY retrieval retrieval
COPY assistant assistant
COPY integrations integrations
COPY evals evals
RUN python -m pip install --no-cache-dir "build>=1.2,<2" \
 && python -m build --wheel --outdir /dist

FROM ${PYTHON_IMAGE}
# Extras baked into the image: [postgres] so the same image runs the scale-out profile.
ARG EXTRAS=postgres
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    MALLOC_ARENA_MAX=2 \
    ANONYMIZED_TELEMETRY=False \
    CLUSTER_ADVISOR_DATA_DIR=/data \
    CLUSTER_ADVISOR_HOST=0.0.0.0 \
    CLUSTER_ADVISOR_PORT=8000
COPY --from=wheel /dist /tmp/dist
RUN wheel="$(ls /tmp/dist/cluster_advisor-*.whl)" \
 && python -m pip install --no-cache-dir "${wheel}[${EXTRAS}]" \
 && rm -rf /tmp/dist
COPY deploy/entrypoint.sh /usr/local/bin/cluster-advisor-entrypoint
RUN chmod 0755 /usr/local/bin/cluster-advisor-entrypoint \
 && useradd --system --uid 10001 --user-group --home-dir /data --no-create-home advisor \
 && mkdir -p /data && chown advisor:advisor /data
USER advisor
WORKDIR /data
VOLUME ["/data"]
EXPOSE 8000
# Ready = the index is loaded and holds the corpus (503 before the first ingest has finished).
HEALTHCHECK --interval=30s --timeout=5s --start-period=180s --retries=3 \
  CMD python -c "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/readyz' % os.environ.get('CLUSTER_ADVISOR_PORT', '8000'), timeout=4)"
ENTRYPOINT ["cluster-advisor-entrypoint"]
CMD ["serve"]
