# Aura in a container: built with the locked dependencies, run as a non-root user with the
# study pack and settings inside and state on a volume.

FROM rust:1.88-slim-bookworm AS build
WORKDIR /src
COPY Cargo.toml Cargo.lock ./
COPY src ./src
COPY benches ./benches
COPY config ./config
COPY migrations ./migrations
RUN cargo build --release --locked --bin aura

FROM debian:bookworm-slim
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin aura \
    && mkdir -p /app/state \
    && chown aura /app/state
WORKDIR /app
COPY --from=build /src/target/release/aura /usr/local/bin/aura
COPY data ./data
COPY config ./config
VOLUME ["/app/state"]
USER 10001
ENTRYPOINT ["aura"]
CMD ["run"]
