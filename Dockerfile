# Wyze GWell Bridge add-on image.
#
# Stage 1 builds the bridge's jar with the Maven wrapper on JDK 17 (the project's release level).
# Stage 2 is the runtime: Temurin JRE 21 on Ubuntu 24.04 with ffmpeg and jq from apt and a pinned
# mediamtx release for the target architecture. No s6-overlay: config.yaml keeps `init: true`, so
# Docker's own init runs run.sh as the container's only child and forwards SIGTERM.
#
# Every base image is named here; nothing relies on BUILD_FROM or BUILD_ARCH being passed in.

FROM eclipse-temurin:17-jdk-noble AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY src/ src/
RUN ./mvnw -B -DskipTests package

FROM eclipse-temurin:21-jre-noble

# mediamtx release to bundle. The archive is checked against the checksums.sha256 file published
# with the same release: that catches a truncated or altered download, but it comes from the same
# place as the archive, so bumping the version is still a reviewed change.
ARG MEDIAMTX_VERSION=v1.12.2
# Set by BuildKit for the platform being built; `uname -m` is the fallback for the classic builder.
ARG TARGETARCH

RUN set -eux; \
    apt-get update; \
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        ca-certificates curl ffmpeg jq; \
    rm -rf /var/lib/apt/lists/*; \
    arch="${TARGETARCH:-$(uname -m)}"; \
    case "$arch" in \
        amd64 | x86_64) mtx_arch=amd64 ;; \
        arm64 | aarch64) mtx_arch=arm64 ;; \
        *) echo "unsupported architecture: $arch" >&2; exit 1 ;; \
    esac; \
    file="mediamtx_${MEDIAMTX_VERSION}_linux_${mtx_arch}.tar.gz"; \
    base="https://github.com/bluenviron/mediamtx/releases/download/${MEDIAMTX_VERSION}"; \
    cd /tmp; \
    curl -fsSL --retry 3 -o "$file" "$base/$file"; \
    curl -fsSL --retry 3 -o checksums.sha256 "$base/checksums.sha256"; \
    awk -v f="$file" '$2 == f || $2 == "*" f' checksums.sha256 >mediamtx.sha256; \
    test -s mediamtx.sha256; \
    sha256sum -c mediamtx.sha256; \
    tar -xzf "$file" -C /usr/local/bin mediamtx; \
    rm -f "$file" checksums.sha256 mediamtx.sha256; \
    test -x /usr/local/bin/mediamtx

COPY --from=build /src/target/gwell-bridge.jar /app/gwell-bridge.jar
COPY addon/run.sh /app/run.sh
COPY addon/mediamtx.yml /app/mediamtx.yml
RUN chmod 0755 /app/run.sh

# The Supervisor adds io.hass.arch (and repeats these) when it builds the add-on itself; a manual
# multi-platform build can pass `--label io.hass.arch=<amd64|aarch64>` per platform.
LABEL io.hass.name="Wyze GWell Bridge" \
      io.hass.description="Local RTSP/HLS for Wyze GWell cameras with MQTT discovery and control" \
      io.hass.type="addon" \
      io.hass.version="0.1.0" \
      io.hass.url="https://github.com/gwell-bridge/gwell-bridge" \
      org.opencontainers.image.title="Wyze GWell Bridge" \
      org.opencontainers.image.version="0.1.0" \
      org.opencontainers.image.source="https://github.com/gwell-bridge/gwell-bridge"

WORKDIR /data
ENTRYPOINT ["/app/run.sh"]
