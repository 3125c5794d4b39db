#!/usr/bin/env bash
# Start PostgreSQL with pgvector on 127.0.0.1, for the store tests' third driver (INNSPILL_TEST_DATABASE_URL) and
# the bench's --database-url. Prints the connection URL as its last line.
#
#   scripts/postgres.sh [--dir DIR] [--port PORT]     start (installing what is missing; idempotent)
#   scripts/postgres.sh --stop [--dir DIR]            stop
#
# Uses Debian's PostgreSQL server (this machine kind's image has postgresql-15). Debian 12 packages no pgvector, so
# it is built from Debian's own source package (`apt-get source pgvector`, from the next release's source list)
# against that server. Needs root for apt; the server itself runs as the postgres user.
set -euo pipefail

DIR=/tmp/innspill-postgres
PORT=5433
STOP=
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) DIR=$2; shift 2 ;;
    --port) PORT=$2; shift 2 ;;
    --stop) STOP=1; shift ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

say() { echo "postgres.sh: $*" >&2; }
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
as_owner() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }

if [ -n "$STOP" ]; then
  [ -n "$PG_BIN" ] && [ -d "$DIR/data" ] && as_owner "'$PG_BIN/pg_ctl' -D '$DIR/data' stop -m fast" >&2 || true
  exit 0
fi

apt_install() {
  [ "$(id -u)" = 0 ] || { say "not root: cannot install $*"; exit 1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}

if [ -z "$PG_BIN" ]; then
  say "installing Debian's postgresql"
  apt-get update -qq >&2
  apt_install postgresql
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi
MAJOR=$(basename "$(dirname "$PG_BIN")")

# pgvector for this server, built from Debian's source package when missing.
if [ ! -f "/usr/share/postgresql/$MAJOR/extension/vector.control" ]; then
  say "building pgvector for PostgreSQL $MAJOR from Debian's source package"
  SRC_LIST=/etc/apt/sources.list.d/innspill-pgvector-src.sources
  if [ ! -f "$SRC_LIST" ]; then
    printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: trixie\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' > "$SRC_LIST"
  fi
  apt-get update -qq >&2
  apt_install "postgresql-server-dev-$MAJOR" make gcc
  BUILD=$(mktemp -d)
  (cd "$BUILD" && apt-get source -qq --download-only pgvector >&2 2>/dev/null && tar xzf pgvector_*.orig.tar.gz)
  (cd "$BUILD"/pgvector-*/ && make -s -j2 with_llvm=no PG_CONFIG="$PG_BIN/pg_config" >&2 && make -s install with_llvm=no PG_CONFIG="$PG_BIN/pg_config" >&2)
  rm -rf "$BUILD"
fi

mkdir -p "$DIR"
[ "$(id -u)" = 0 ] && chown postgres "$DIR"
if [ ! -f "$DIR/data/PG_VERSION" ]; then
  as_owner "'$PG_BIN/initdb' -D '$DIR/data' -A trust -U postgres" >/dev/null
fi
if ! as_owner "'$PG_BIN/pg_ctl' -D '$DIR/data' status" >/dev/null 2>&1; then
  as_owner "'$PG_BIN/pg_ctl' -D '$DIR/data' -o \"-p $PORT -k '$DIR' -c listen_addresses=127.0.0.1\" -l '$DIR/log' -w start" >&2
fi
"$PG_BIN/psql" -q -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -c 'CREATE EXTENSION IF NOT EXISTS vector' >&2
echo "postgres://postgres@127.0.0.1:$PORT/postgres"
