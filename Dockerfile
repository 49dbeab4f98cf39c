# Aura in a container: built with the locked dependencies (in a layer of their own, so that a
# change in src/ or data/ rebuilds Aura alone), run as a non-root user with the study pack
# built into the binary, the settings beside it, state on a volume, and a health check on the
# operator's listener.

FROM rust:1.88-slim-bookworm AS build
WORKDIR /src

# 1. The dependencies, from the manifest and the lock alone: a stub crate with the same
#    targets builds every dependency; Aura's own artefacts are then removed.
COPY Cargo.toml Cargo.lock ./
RUN mkdir -p src benches \
    && echo 'fn main() {}' > src/main.rs \
    && touch src/lib.rs \
    && echo 'fn main() {}' > benches/core.rs \
    && echo 'fn main() {}' > benches/e2e_latency.rs \
    && cargo build --release --locked --bin aura \
    && rm -rf src benches target/release/aura target/release/deps/aura-* \
        target/release/deps/libaura-* target/release/.fingerprint/aura-*

# 2. Aura itself: the sources, the pack that build.rs embeds, the migrations sqlx embeds.
COPY build.rs ./
COPY assets ./assets
COPY benches ./benches
COPY config ./config
COPY data ./data
COPY migrations ./migrations
COPY src ./src
RUN cargo build --release --locked --bin aura

FROM debian:bookworm-slim
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin aura \
    && mkdir -p /app/state \
    && chown aura /app/state
WORKDIR /app
COPY --from=build /src/target/release/aura /usr/local/bin/aura
COPY config ./config
# The operator's listener, on inside the container for the health check; publish 9100 only
# to a trusted network (Prometheus), never to the internet.
ENV AURA_METRICS_ADDR=0.0.0.0:9100
EXPOSE 9100
VOLUME ["/app/state"]
USER 10001
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD ["aura", "health"]
ENTRYPOINT ["aura"]
CMD ["run"]
