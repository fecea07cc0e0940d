#!/usr/bin/env bash
# The client's link page (portal-service, GET /t/<token>) under 50 concurrent readers: pages per second and latency
# (p50/p90/p99), beside one reader alone. Each view checks the link (token hash, expiry, the failed-lookup limiter
# of the visitor's address), reads the ticket, its public conversation and the project's portal profile, records the
# access, and renders the page.
#
#   bench/link-page/run.sh [seconds per run, default 20] [--keep]
#       (WARMUP=<seconds>, default 60; TICKETS=<n> tickets, default 5, each with NOTES=<n> public answers, default 4)
#
# Needs the platform on its default ports (./relaydesk up --detach; started here if it is not running, and stopped
# again afterwards), wrk (installed if missing) and psql. The tickets are real: opened through ticket-service's API
# as the demo agent, answered there with public notes (no mail to the client), and their links minted the way
# notification-service mints the one in the confirmation mail: portal-service's internal API with the internal key
# the launcher gives the services (read from portal-service's command line). The pages are read only once portal-
# service's read model shows the title and the last answer. Every response must be a 200 page with the ticket's title
# (the wrk script checks each body): a 404, a 429 from the failed-lookup limiter or the "preparing" page makes the run
# invalid. Valid tokens never count against the limiter, but an address that failed 30 lookups within the current
# 15 minutes (another test, a mistyped link) is refused for the rest of that window: checked before the runs. No
# service is paused: nothing else has work to do while pages are read. The bench's tickets (clients @*.link.bench)
# and their rows in the other services are deleted at the end unless --keep is given.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
HERE="$ROOT/bench/link-page"
DURATION=${1:-20}
KEEP=false
[[ "${2:-}" == "--keep" || "${1:-}" == "--keep" ]] && KEEP=true
[[ "$DURATION" =~ ^[0-9]+$ ]] || DURATION=20
TICKETS=${TICKETS:-5}
NOTES=${NOTES:-4}
API=http://127.0.0.1:8081
PORTAL=http://127.0.0.1:8082
KEYCLOAK=http://127.0.0.1:8180
export PGHOST=127.0.0.1 PGUSER=relaydesk PGPASSWORD=relaydesk PGDATABASE=relaydesk

command -v wrk >/dev/null || { echo "installing wrk"; apt-get install -y -q wrk >/dev/null; }
command -v psql >/dev/null || { echo "psql is missing (apt-get install postgresql-client)"; exit 1; }

started_here=false
if ! curl -fsS "$API/q/health/ready" >/dev/null 2>&1 || ! curl -fsS "$PORTAL/q/health/ready" >/dev/null 2>&1; then
  echo "starting the platform (./relaydesk up --detach)"
  ./relaydesk up --detach
  started_here=true
fi

run_id="l$(date +%s)"
domain="$run_id.link.bench"
cleanup() {
  if ! $KEEP; then
    sleep 2 # the last events of the bench's tickets reach the consumers first
    psql -q >/dev/null 2>&1 <<SQL || echo "(could not delete every bench row; they are the clients @*.link.bench)"
create temp table bench_ticket as select id from ticket.ticket where client_email like '%@$domain';
do \$\$
declare r record;
begin
  for r in select c.conrelid::regclass as tbl, a.attname as col from pg_constraint c
           join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
           where c.contype = 'f' and c.confrelid = 'ticket.ticket'::regclass and c.conrelid <> 'ticket.note'::regclass loop
    execute format('delete from %s where %I in (select id from bench_ticket)', r.tbl, r.col);
  end loop;
  for r in select c.conrelid::regclass as tbl, a.attname as col from pg_constraint c
           join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
           where c.contype = 'f' and c.confrelid = 'ticket.note'::regclass loop
    execute format('delete from %s where %I in (select n.id from ticket.note n join bench_ticket b on b.id = n.ticket_id)', r.tbl, r.col);
  end loop;
  delete from ticket.note where ticket_id in (select id from bench_ticket);
  delete from ticket.ticket where id in (select id from bench_ticket);
end \$\$;
delete from portal.link_access where ticket_id in (select ticket_id from portal.portal_ticket where client_email like '%@$domain');
delete from portal.portal_note where ticket_id in (select ticket_id from portal.portal_ticket where client_email like '%@$domain');
delete from portal.access_link where client_email like '%@$domain';
delete from portal.portal_ticket where client_email like '%@$domain';
delete from notification.delivery_attempt where delivery_id in
    (select id from notification.delivery where recipient_email like '%@$domain');
delete from notification.delivery where recipient_email like '%@$domain';
delete from notification.known_ticket where client_email like '%@$domain';
delete from identity.client_ticket where client_email like '%@$domain';
delete from identity.client_summary where email like '%@$domain';
SQL
  fi
  if $started_here; then ./relaydesk down; fi
}
trap cleanup EXIT

token=$(curl -fsS "$KEYCLOAK/realms/relaydesk/protocol/openid-connect/token" \
  -d grant_type=password -d client_id=relaydesk-cli -d username=agent -d password=agent |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
portal_pid=$(ss -ltnpH "sport = :8082" | grep -oP 'pid=\K[0-9]+' | head -n 1)
internal_key=${RELAYDESK_INTERNAL_KEY:-$(tr '\0' '\n' < "/proc/$portal_pid/cmdline" | sed -n 's/^-Drelaydesk.internal.api-key=//p')}
json_field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }

title="Link page bench $run_id"
tokens=()
last_notes=()
for i in $(seq 1 "$TICKETS"); do
  client="reader-$i@$domain"
  id=$(curl -fsS -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"title\": \"$title: printer $i prints blank pages\", \"clientEmail\": \"$client\", \"clientName\": \"Reader $i\",
         \"description\": \"Since this morning every page from printer $i comes out blank. We replaced the toner and restarted it twice.\"}" \
    "$API/api/tickets" | json_field id)
  for n in $(seq 1 "$NOTES"); do
    note="Answer $n to reader $i: please print the test page from the printer's menu and tell us what it shows."
    curl -fsS -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      -d "{\"body\": \"$note\", \"publicNote\": true, \"notifyClient\": false}" "$API/api/tickets/$id/notes"
  done
  url=$(curl -fsS -H "X-Relaydesk-Internal-Key: $internal_key" -H 'Content-Type: application/json' \
    -d "{\"clientEmail\": \"$client\"}" "$PORTAL/internal/tickets/$id/links" | json_field url)
  tokens+=("${url##*/t/}")
  last_notes+=("Answer $NOTES to reader $i")
done

# The read model follows the tickets' events: wait until every page shows the title and the last answer.
for i in "${!tokens[@]}"; do
  for attempt in $(seq 1 60); do
    code=$(curl -s -o "/tmp/link-page-$run_id.html" -w '%{http_code}' "$PORTAL/t/${tokens[$i]}")
    if [[ "$code" == 429 ]]; then
      echo "the portal refuses this address (429: 30 failed link lookups in the current 15-minute window);"
      echo "run again after $(date -u -d "@$(( ($(date +%s) / 900 + 1) * 900 ))" +%H:%M:%S) UTC"; exit 1
    fi
    [[ "$code" == 200 ]] && grep -qF "$title" "/tmp/link-page-$run_id.html" &&
      grep -qF "${last_notes[$i]}" "/tmp/link-page-$run_id.html" && break
    (( attempt < 60 )) || { echo "ticket $((i + 1))'s page did not show its answers after 30 s (HTTP $code)"; exit 1; }
    sleep 0.5
  done
done
rm -f "/tmp/link-page-$run_id.html"
echo "$TICKETS tickets with $NOTES public answers each, their links minted and their pages complete"

export LINK_TOKENS="${tokens[*]}" LINK_TITLE="$title"
# Warm the JIT and the connection pool on the measured page first; a fresh JVM is many times slower at first.
wrk -t2 -c50 -d"${WARMUP:-60}s" --timeout 30s -s "$HERE/read-page.lua" "$PORTAL" >/dev/null

declare -A rps p50 p90 p99 pmax
measure() {  # measure <readers>
  local out
  out=$(wrk -t"$(( $1 < 2 ? $1 : 2 ))" -c"$1" -d"${DURATION}s" --timeout 30s -s "$HERE/read-page.lua" "$PORTAL")
  local wrong non2xx errors
  wrong=$(grep -oP '^wrong pages: \K[0-9]+' <<<"$out")
  non2xx=$(grep -oP 'Non-2xx or 3xx responses: \K[0-9]+' <<<"$out" || echo 0)
  errors=$(grep -oP 'Socket errors: .*' <<<"$out" || true)
  if (( wrong > 0 || non2xx > 0 )) || [[ -n "$errors" ]]; then
    echo "$out"; echo "$wrong wrong pages, $non2xx non-2xx answers $errors: the run is not valid"; exit 1
  fi
  rps[$1]=$(grep -oP 'Requests/sec:\s*\K[0-9.]+' <<<"$out")
  p50[$1]=$(grep -oP '^p50: \K\S+' <<<"$out")
  p90[$1]=$(grep -oP '^p90: \K\S+' <<<"$out")
  p99[$1]=$(grep -oP '^p99: \K\S+' <<<"$out")
  pmax[$1]=$(grep -oP '^max: \K\S+' <<<"$out")
}
measure 50
measure 1

echo
echo "Client link page (GET /t/<token>, $TICKETS tickets with $NOTES public answers each), ${DURATION} s per run,"
echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
printf '%-8s %10s %10s %10s %10s %10s\n' readers "pages/s" "p50 ms" "p90 ms" "p99 ms" "max ms"
for readers in 50 1; do
  printf '%-8s %10s %10s %10s %10s %10s\n' "$readers" "${rps[$readers]}" "${p50[$readers]}" "${p90[$readers]}" \
    "${p99[$readers]}" "${pmax[$readers]}"
done
echo "every response checked: 200 and the ticket's title on the page (0 wrong pages, 0 non-2xx)"
