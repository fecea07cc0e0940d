#!/usr/bin/env bash
# The agent inbox's server render time with many tickets in the database: loads tickets straight into
# ticket-service's schema with one bulk INSERT, logs the demo agent in (Keycloak, web session), and measures
# GET /ui with common filters at 1 client (p50 and p99 from wrk), after EXPLAIN ANALYZE of the inbox's
# queries, so an index that stops being used shows here.
#
#   bench/inbox/run.sh [tickets, default 100000] [seconds per page, default 15] [--keep]
#
# Needs the platform on its default ports (./relaydesk up --detach; started here if it is not running, and
# stopped again afterwards), wrk and psql. The loaded tickets (clients @inbox.bench) are deleted at the end
# unless --keep is given.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
HERE="$ROOT/bench/inbox"
TICKETS=${1:-100000}
DURATION=${2:-15}
KEEP=false
[[ "${3:-}" == "--keep" || "${2:-}" == "--keep" || "${1:-}" == "--keep" ]] && KEEP=true
[[ "$TICKETS" =~ ^[0-9]+$ ]] || TICKETS=100000
[[ "$DURATION" =~ ^[0-9]+$ ]] || DURATION=15
UI=http://127.0.0.1:8081
export PGHOST=127.0.0.1 PGUSER=relaydesk PGPASSWORD=relaydesk PGDATABASE=relaydesk

command -v wrk >/dev/null || { echo "installing wrk"; apt-get install -y -q wrk >/dev/null; }
command -v psql >/dev/null || { echo "psql is missing (apt-get install postgresql-client)"; exit 1; }

started_here=false
if ! curl -fsS "$UI/q/health/ready" >/dev/null 2>&1; then
  echo "starting the platform (./relaydesk up --detach)"
  ./relaydesk up --detach
  started_here=true
fi
cleanup() {
  if ! $KEEP; then
    psql -q -c "delete from ticket.ticket_assignee a using ticket.ticket t where a.ticket_id = t.id and t.client_email like '%@inbox.bench'" \
         -c "delete from ticket.note n using ticket.ticket t where n.ticket_id = t.id and t.client_email like '%@inbox.bench'" \
         -c "delete from ticket.ticket where client_email like '%@inbox.bench'" >/dev/null || true
  fi
  if $started_here; then ./relaydesk down; fi
}
trap cleanup EXIT

before=$(psql -tAq -c "select count(*) from ticket.ticket")
start=$(date +%s.%N)
psql -q -v ON_ERROR_STOP=1 -v tickets="$TICKETS" -f "$HERE/load-tickets.sql"
load_s=$(python3 -c "import time; print(f'{time.time() - $start:.1f}')")
total=$(psql -tAq -c "select count(*) from ticket.ticket")
echo "loaded $TICKETS tickets in ${load_s} s ($before before, $total now)"

# The inbox's id query as TicketSearch builds it for the demo agent (types they may manage, newest activity
# first, a page of 50 plus one to know whether there is a next page).
types=$(psql -tAq -c "select string_agg(quote_literal(type_id::text), ',') from ticket.ticket_type_agent where agent = 'agent'")
explain() {
  echo "--- EXPLAIN ANALYZE: $1"
  psql -q -c "set search_path = ticket" -c "explain (analyze, buffers, costs off) select t.id, t.updated_at from ticket t
      where t.type_id in ($types) $2 order by t.updated_at desc, t.id desc limit 51" |
    grep -v '^$' | sed 's/^/    /'
}
explain "inbox" ""
explain "unread only" "and t.unread_by_agent"
explain "open, nobody assigned" "and t.status = 'OPEN' and not exists (select 1 from ticket_assignee a where a.ticket_id = t.id)"
explain "mine" "and exists (select 1 from ticket_assignee a where a.ticket_id = t.id and a.agent = 'agent')"
# An order number the loaded notes mention once: the rare-word case, which must not walk the whole inbox.
order=$(psql -tAq -c "select 'ORD' || number from ticket.ticket where client_email like '%@inbox.bench' order by number limit 1 offset 4242")
explain "search 'printer error'" "and t.text_vector @@ websearch_to_tsquery('simple', 'printer error')"
explain "search '$order' (one note)" "and t.text_vector @@ websearch_to_tsquery('simple', '$order')"

cookie=$(python3 "$HERE/login.py" "$UI" agent agent)
pages=("/ui" "/ui?unread=on" "/ui?status=OPEN&assignee=none" "/ui?assignee=me" "/ui?q=printer+error" "/ui?q=$order")

for page in "${pages[@]}"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$UI$page")
  [[ "$code" == 200 ]] || { echo "GET $page answered $code, not the inbox: the run is not valid"; exit 1; }
done

# Warm the JIT and the connection pool on every page first; a fresh JVM is many times slower at first.
for page in "${pages[@]}"; do
  wrk -t1 -c1 -d5s -H "Cookie: $cookie" "$UI$page" >/dev/null
done

declare -A rps p50 p99
for page in "${pages[@]}"; do
  out=$(wrk -t1 -c1 -d"${DURATION}s" --latency -H "Cookie: $cookie" "$UI$page")
  if grep -q "Non-2xx" <<<"$out"; then
    echo "$out"; echo "some requests of $page failed: the run is not valid"; exit 1
  fi
  rps[$page]=$(grep -oP 'Requests/sec:\s*\K[0-9.]+' <<<"$out")
  p50[$page]=$(grep -oP '^\s*50%\s+\K\S+' <<<"$out")
  p99[$page]=$(grep -oP '^\s*99%\s+\K\S+' <<<"$out")
done

echo
echo "Agent inbox (50 tickets a page) with $total tickets in the database, 1 client, ${DURATION} s per page,"
echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
printf '%-32s %10s %10s %10s\n' page "pages/s" p50 p99
for page in "${pages[@]}"; do
  printf '%-32s %10s %10s %10s\n' "$page" "${rps[$page]}" "${p50[$page]}" "${p99[$page]}"
done
echo "target: p99 under 50 ms with 100,000 tickets"
