#!/usr/bin/env bash
# Makes this machine ready for PLC Coach Migrations' development and tests:
# PostgreSQL 15 with the pgvector extension, a server on 127.0.0.1, the
# development database `plccoach`, and the group role whose members must
# authenticate with a password (the credential tests need a server that can
# refuse a wrong one). Idempotent: run it as often as you like; it says what
# it did and what it found already there.
#
#   scripts/setup-postgres.sh          # as root on Debian/Ubuntu: installs what is missing
#   PLCCOACH_TEST_URL=... mvnw verify  # elsewhere: bring your own server, see README
set -euo pipefail

PG_MAJOR=15
PORT="${PLCCOACH_PG_PORT:-5432}"
ADMIN_USER=postgres
DEV_DB=plccoach
PASSWORD_GROUP=plccoach_password_auth

say() { printf '[setup-postgres] %s\n' "$*"; }
die() { printf '[setup-postgres] ERROR: %s\n' "$*" >&2; exit 1; }

can_install() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; }

apt_updated=false
apt_update() {
  if ! $apt_updated; then
    say "apt-get update"
    apt-get update -qq >/dev/null
    apt_updated=true
  fi
}

pg_bin() { echo "/usr/lib/postgresql/$PG_MAJOR/bin"; }

# 1. PostgreSQL 15 server and client
if [ -x "$(pg_bin)/postgres" ] && command -v psql >/dev/null && command -v pg_dump >/dev/null; then
  say "PostgreSQL $PG_MAJOR is installed"
elif can_install; then
  apt_update
  say "installing postgresql-$PG_MAJOR"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "postgresql-$PG_MAJOR" "postgresql-client-$PG_MAJOR" postgresql-contrib >/dev/null
else
  die "PostgreSQL $PG_MAJOR is not installed and this is not a root Debian/Ubuntu shell.
  Install PostgreSQL $PG_MAJOR with pgvector yourself (or run a container such as pgvector/pgvector:pg15),
  then point the tests at it: export PLCCOACH_TEST_URL='jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres'"
fi

# 2. pgvector: bookworm has no package, so build Debian's own source package from trixie.
sharedir="$("$(pg_bin)/pg_config" --sharedir 2>/dev/null || echo "/usr/share/postgresql/$PG_MAJOR")"
if [ -f "$sharedir/extension/vector.control" ]; then
  say "pgvector is available ($(grep default_version "$sharedir/extension/vector.control" | tr -d "'" | awk '{print $3}'))"
elif can_install; then
  if apt-cache policy "postgresql-$PG_MAJOR-pgvector" 2>/dev/null | grep -q 'Candidate: [0-9]'; then
    say "installing postgresql-$PG_MAJOR-pgvector"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "postgresql-$PG_MAJOR-pgvector" >/dev/null
  else
    src_list=/etc/apt/sources.list.d/plccoach-pgvector-src.sources
    if [ ! -f "$src_list" ]; then
      say "adding trixie deb-src (for the pgvector source package only) in $src_list"
      cat >"$src_list" <<SRC
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
      apt_updated=false
    fi
    apt_update
    say "installing build dependencies (postgresql-server-dev-$PG_MAJOR, build-essential, dpkg-dev)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "postgresql-server-dev-$PG_MAJOR" build-essential dpkg-dev >/dev/null
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
    say "building pgvector from Debian's source package in $work"
    (cd "$work" && apt-get source -qq pgvector >/dev/null 2>&1) || die "apt-get source pgvector failed; check $src_list"
    srcdir="$(find "$work" -maxdepth 1 -mindepth 1 -type d -name 'pgvector-*' | head -n1)"
    [ -n "$srcdir" ] || die "pgvector source directory not found in $work"
    make -s -C "$srcdir" PG_CONFIG="$(pg_bin)/pg_config" OPTFLAGS="" >/dev/null
    make -s -C "$srcdir" PG_CONFIG="$(pg_bin)/pg_config" install >/dev/null
    say "pgvector installed into $sharedir/extension"
  fi
else
  die "the vector extension is missing from $sharedir/extension and this is not a root Debian/Ubuntu shell.
  Install pgvector for PostgreSQL $PG_MAJOR (https://github.com/pgvector/pgvector#installation), then run this script again."
fi

# 3. A running server on 127.0.0.1
if "$(pg_bin)/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
  say "a server answers on 127.0.0.1:$PORT"
elif can_install; then
  if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -q "^$PG_MAJOR main$"; then
    say "creating cluster $PG_MAJOR/main on port $PORT"
    pg_createcluster "$PG_MAJOR" main -p "$PORT" >/dev/null
    # A fresh cluster asks for passwords on TCP; the local admin uses trust on loopback only,
    # like the machine images this project is developed on.
    sed -i '0,/^host/s//host    all             postgres        127.0.0.1\/32            trust\nhost/' \
      "/etc/postgresql/$PG_MAJOR/main/pg_hba.conf"
  fi
  say "starting cluster $PG_MAJOR/main"
  pg_ctlcluster --skip-systemctl-redirect "$PG_MAJOR" main start
  for _ in $(seq 1 30); do "$(pg_bin)/pg_isready" -q -h 127.0.0.1 -p "$PORT" && break; sleep 1; done
  "$(pg_bin)/pg_isready" -q -h 127.0.0.1 -p "$PORT" || die "the server did not start; see /var/log/postgresql/"
else
  die "no PostgreSQL answers on 127.0.0.1:$PORT. Start one, or set PLCCOACH_TEST_URL to a server of yours."
fi

psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U "$ADMIN_USER" -d postgres "$@"; }
psql_admin -c 'select 1' >/dev/null 2>&1 || die "cannot connect as $ADMIN_USER to 127.0.0.1:$PORT without a password.
  Allow it in pg_hba.conf (host all $ADMIN_USER 127.0.0.1/32 trust) or set PLCCOACH_TEST_URL with a password."

# 4. The group whose members must give a password (scram) even where loopback is trusted.
hba="$(psql_admin -At -c 'show hba_file')"
if [ -w "$hba" ]; then
  if ! grep -q "$PASSWORD_GROUP" "$hba"; then
    say "pg_hba.conf: members of $PASSWORD_GROUP authenticate with scram-sha-256"
    # First matching line wins, so this goes above every other host line.
    sed -i "0,/^host/s//host    all             +$PASSWORD_GROUP 127.0.0.1\/32            scram-sha-256\nhost/" "$hba"
    psql_admin -c 'select pg_reload_conf()' >/dev/null
  fi
else
  say "pg_hba.conf ($hba) is not writable here: password tests need a line
  'host all +$PASSWORD_GROUP 127.0.0.1/32 scram-sha-256' above the others"
fi
psql_admin -c "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PASSWORD_GROUP') THEN CREATE ROLE $PASSWORD_GROUP NOLOGIN; END IF; END \$\$"

# 5. The development database that `./mvnw plccoach:upgrade` uses by default.
if [ "$(psql_admin -At -c "select count(*) from pg_database where datname = '$DEV_DB'")" = 0 ]; then
  say "creating database $DEV_DB"
  psql_admin -c "CREATE DATABASE $DEV_DB"
else
  say "database $DEV_DB exists"
fi
# The extension itself belongs to the schema's first revision: prove it loads, leave nothing behind.
vector_version="$(psql_admin -At -c 'BEGIN' -c 'CREATE EXTENSION vector' -c "SELECT extversion FROM pg_extension WHERE extname = 'vector'" -c 'ROLLBACK' | grep -E '^[0-9]' || true)"
[ -n "$vector_version" ] || die "CREATE EXTENSION vector fails on this server; see the messages above"

# 6. Alembic, for import-alembic and its ITs: Debian's python3-alembic (SQLAlchemy comes with it) and
#    python3-psycopg2, with which the ITs' real `alembic upgrade` reaches the server.
if /usr/bin/python3 -c 'import alembic, psycopg2' 2>/dev/null; then
  say "Alembic $(/usr/bin/python3 -c 'import alembic; print(alembic.__version__)') and psycopg2 are installed for /usr/bin/python3"
elif can_install; then
  apt_update
  say "installing python3-alembic and python3-psycopg2"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-alembic python3-psycopg2 >/dev/null
else
  say "Alembic is missing for /usr/bin/python3: the import-alembic ITs need it
  (apt-get install python3-alembic python3-psycopg2, or pip install alembic psycopg2-binary)"
fi

# 7. A second cluster for fleet mode's tests (databases on two servers): PostgreSQL 15 on another
#    port, trust for postgres on 127.0.0.1 only, the same binaries (so vector loads there too).
#    PLCCOACH_SECOND_PORT=0 skips it. The main cluster's configuration is never touched here.
SECOND_PORT="${PLCCOACH_SECOND_PORT:-5433}"
SECOND_CLUSTER=fleet
if [ "$SECOND_PORT" = 0 ]; then
  say "second cluster skipped (PLCCOACH_SECOND_PORT=0)"
elif "$(pg_bin)/pg_isready" -q -h 127.0.0.1 -p "$SECOND_PORT"; then
  say "a second server answers on 127.0.0.1:$SECOND_PORT"
elif can_install; then
  if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -q "^$PG_MAJOR $SECOND_CLUSTER$"; then
    say "creating cluster $PG_MAJOR/$SECOND_CLUSTER on port $SECOND_PORT"
    pg_createcluster "$PG_MAJOR" "$SECOND_CLUSTER" -p "$SECOND_PORT" -- --auth-local=peer --auth-host=scram-sha-256 >/dev/null
    sed -i '0,/^host/s//host    all             postgres        127.0.0.1\/32            trust\nhost/' \
      "/etc/postgresql/$PG_MAJOR/$SECOND_CLUSTER/pg_hba.conf"
    # a fleet test opens parallelism x 2 sessions here; the default 100 leaves room for the rest
    printf "listen_addresses = '127.0.0.1'\n" >>"/etc/postgresql/$PG_MAJOR/$SECOND_CLUSTER/postgresql.conf"
  fi
  say "starting cluster $PG_MAJOR/$SECOND_CLUSTER"
  pg_ctlcluster --skip-systemctl-redirect "$PG_MAJOR" "$SECOND_CLUSTER" start
  for _ in $(seq 1 30); do "$(pg_bin)/pg_isready" -q -h 127.0.0.1 -p "$SECOND_PORT" && break; sleep 1; done
  "$(pg_bin)/pg_isready" -q -h 127.0.0.1 -p "$SECOND_PORT" || die "the second cluster did not start; see /var/log/postgresql/"
else
  say "no second server on 127.0.0.1:$SECOND_PORT and this is not a root Debian/Ubuntu shell: the fleet tests use only the first
  (start one yourself, trust for postgres on 127.0.0.1, or set PLCCOACH_SECOND_PORT=0)"
fi
if [ "$SECOND_PORT" != 0 ] && "$(pg_bin)/pg_isready" -q -h 127.0.0.1 -p "$SECOND_PORT"; then
  second_vector="$(psql -X -q -At -h 127.0.0.1 -p "$SECOND_PORT" -U "$ADMIN_USER" -d postgres -c 'BEGIN' -c 'CREATE EXTENSION vector' \
    -c "SELECT extversion FROM pg_extension WHERE extname = 'vector'" -c 'ROLLBACK' | grep -E '^[0-9]' || true)"
  [ -n "$second_vector" ] || die "cannot connect as $ADMIN_USER to 127.0.0.1:$SECOND_PORT without a password, or vector does not load there"
  say "second server 127.0.0.1:$SECOND_PORT ready (vector $second_vector): jdbc:postgresql://127.0.0.1:$SECOND_PORT/postgres?user=$ADMIN_USER"
fi

say "ready: server $(psql_admin -At -c 'show server_version'), vector $vector_version loads"
say "admin URL for the tests (the default of PLCCOACH_TEST_URL):"
echo "jdbc:postgresql://127.0.0.1:$PORT/postgres?user=$ADMIN_USER"
