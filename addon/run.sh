#!/bin/sh
# Entry point of the Wyze GWell Bridge add-on.
#
# 1. Reads the stream ports and log level from the add-on options (jq).
# 2. Writes the mediamtx configuration from its template and keeps mediamtx running in a
#    background loop that restarts it (with backoff) whenever it exits.
# 3. Replaces itself with the bridge (exec), so Docker's init delivers SIGTERM straight to Java
#    and the add-on's exit status is the bridge's. The mediamtx loop notices that the bridge is
#    gone and stops mediamtx.
#
# Every path can be overridden through the environment (GWELL_*), which the tests use.
set -eu

OPTIONS="${GWELL_OPTIONS:-/data/options.json}"
DATA_DIR="${GWELL_DATA_DIR:-/data}"
JAR="${GWELL_JAR:-/app/gwell-bridge.jar}"
JAVA="${GWELL_JAVA:-java}"
MEDIAMTX="${GWELL_MEDIAMTX:-/usr/local/bin/mediamtx}"
TEMPLATE="${GWELL_MEDIAMTX_TEMPLATE:-/app/mediamtx.yml}"
RUN_DIR="${GWELL_RUN_DIR:-/tmp/gwell-bridge}"
WATCH_INTERVAL="${GWELL_WATCH_INTERVAL:-2}"
RESTART_DELAY="${GWELL_RESTART_DELAY:-1}"
JAVA_OPTS="${JAVA_OPTS:--XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError}"

# Must match dev.gwellbridge.config.Ports and the option defaults in config.yaml.
WEB_PORT=8097
DEFAULT_RTSP_PORT=8554
DEFAULT_HLS_PORT=8888

log() {
    echo "[run] $*" >&2
}

# option NAME DEFAULT: a top-level value of the options file as text, DEFAULT when it is absent,
# null, or the file is missing or not JSON. The bridge itself reports invalid options by name.
option() {
    if [ -r "$OPTIONS" ]; then
        jq -r --arg k "$1" --arg d "$2" \
            'if type == "object" and (.[$k] | type) != "null" then .[$k] | tostring else $d end' \
            "$OPTIONS" 2>/dev/null || printf '%s\n' "$2"
    else
        printf '%s\n' "$2"
    fi
}

# port NAME DEFAULT: the option as a TCP port number, DEFAULT when it is not one.
port() {
    value=$(option "$1" "$2")
    case "$value" in
        '' | *[!0-9]* | ??????*) value=0 ;;
    esac
    if [ "$value" -lt 1 ] || [ "$value" -gt 65535 ]; then
        log "$1 is not a port number; using $2"
        value=$2
    fi
    echo "$value"
}

RTSP_PORT=$(port rtsp_port "$DEFAULT_RTSP_PORT")
HLS_PORT=$(port hls_port "$DEFAULT_HLS_PORT")
# Same fallbacks as the bridge's options loader, so both agree on the ports in use.
if [ "$RTSP_PORT" -eq "$WEB_PORT" ]; then
    log "rtsp_port $WEB_PORT is the add-on's page; using $DEFAULT_RTSP_PORT"
    RTSP_PORT=$DEFAULT_RTSP_PORT
fi
if [ "$HLS_PORT" -eq "$WEB_PORT" ]; then
    log "hls_port $WEB_PORT is the add-on's page; using $DEFAULT_HLS_PORT"
    HLS_PORT=$DEFAULT_HLS_PORT
fi
if [ "$HLS_PORT" -eq "$RTSP_PORT" ]; then
    if [ "$RTSP_PORT" -eq "$DEFAULT_HLS_PORT" ]; then
        HLS_PORT=$DEFAULT_RTSP_PORT
    else
        HLS_PORT=$DEFAULT_HLS_PORT
    fi
    log "hls_port equals rtsp_port; using $HLS_PORT for HLS"
fi

LOG_LEVEL=$(option log_level info)
case "$LOG_LEVEL" in
    trace | debug) MEDIAMTX_LOG_LEVEL=debug ;;
    warn | error) MEDIAMTX_LOG_LEVEL=$LOG_LEVEL ;;
    *) MEDIAMTX_LOG_LEVEL=info ;;
esac
case "$LOG_LEVEL" in
    trace | debug | info | warn | error) GWELL_LOG_LEVEL=$(echo "$LOG_LEVEL" | tr '[:lower:]' '[:upper:]') ;;
    *) GWELL_LOG_LEVEL=INFO ;;
esac
export GWELL_LOG_LEVEL

mkdir -p "$RUN_DIR"
CONFIG="$RUN_DIR/mediamtx.yml"
sed -e "s/@RTSP_PORT@/$RTSP_PORT/g" \
    -e "s/@HLS_PORT@/$HLS_PORT/g" \
    -e "s/@LOG_LEVEL@/$MEDIAMTX_LOG_LEVEL/g" \
    "$TEMPLATE" >"$CONFIG"
log "RTSP on port $RTSP_PORT, HLS on port $HLS_PORT"

# stop PID: SIGTERM, then SIGKILL if it still runs 5 s later; reaps it either way.
stop() {
    kill "$1" 2>/dev/null
    (
        sleep 5
        kill -9 "$1" 2>/dev/null
    ) &
    killer=$!
    wait "$1" 2>/dev/null
    kill "$killer" 2>/dev/null
}

# Keeps mediamtx running while the process $1 (the bridge, after exec) lives. A crash is
# restarted after RESTART_DELAY seconds, doubling up to 30 s; a run of a minute or more resets it.
# No signal traps here: a trap would be inherited by mediamtx between fork and exec, and a SIGTERM
# arriving in that window would be lost.
supervise_mediamtx() {
    set +e
    main=$1
    delay=$RESTART_DELAY
    while kill -0 "$main" 2>/dev/null; do
        started=$(date +%s)
        "$MEDIAMTX" "$CONFIG" &
        child=$!
        while kill -0 "$child" 2>/dev/null && kill -0 "$main" 2>/dev/null; do
            sleep "$WATCH_INTERVAL"
        done
        if ! kill -0 "$main" 2>/dev/null; then
            stop "$child"
            exit 0
        fi
        wait "$child"
        status=$?
        if [ $(($(date +%s) - started)) -ge 60 ]; then
            delay=$RESTART_DELAY
        fi
        log "mediamtx exited with status $status; restarting in ${delay}s"
        sleep "$delay"
        delay=$((delay * 2))
        if [ "$delay" -gt 30 ]; then
            delay=30
        fi
    done
}

supervise_mediamtx $$ &

# JAVA_OPTS is split into words on purpose.
# shellcheck disable=SC2086
exec "$JAVA" $JAVA_OPTS -jar "$JAR" run --options "$OPTIONS" --data-dir "$DATA_DIR"
