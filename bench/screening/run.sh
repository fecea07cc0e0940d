#!/usr/bin/env bash
# The latency screening adds to a client's ticket: tickets from the web form (ticket-service's /internal/tickets,
# as portal-service sends them) with the built-in screening (one call to provider-gateway, which answers itself)
# and with an external screening service that answers in 5 ms (the gateway signs the draft, POSTs it, checks the
# answer). Also the gateway's screening call alone, which is what ticket creation waits for. 1 and 8 clients.
#
#   bench/screening/run.sh [seconds per run, default 20]   (WARMUP=<seconds>, default 60; DELAY_MS, default 5)
#
# Needs the platform on its default ports (./relaydesk up --detach; started here if it is not running, and stopped
# again afterwards) and wrk (installed if missing). Leaves the ticket-screening provider BUILT_IN afterwards.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
DURATION=${1:-20}
HERE="$ROOT/bench/screening"
TICKETS=http://127.0.0.1:8081
GATEWAY=http://127.0.0.1:8086
KEYCLOAK=http://127.0.0.1:8180
PROVIDER_PORT=${PROVIDER_PORT:-8091}

command -v wrk >/dev/null || { echo "installing wrk"; apt-get install -y -q wrk >/dev/null; }

started_here=false
if ! curl -fsS "$TICKETS/q/health/ready" >/dev/null 2>&1; then
  echo "starting the platform (./relaydesk up --detach)"
  ./relaydesk up --detach
  started_here=true
fi

# The launcher gives its services a fresh internal key at each start; the bench calls as portal-service does.
if [[ -z "${RELAYDESK_INTERNAL_KEY:-}" ]]; then
  ticket_pid=$(ss -ltnpH "sport = :8081" | grep -oP 'pid=\K[0-9]+' | head -n 1)
  RELAYDESK_INTERNAL_KEY=$(tr '\0' '\n' < "/proc/$ticket_pid/cmdline" | sed -n 's/^-Drelaydesk.internal.api-key=//p')
fi
export RELAYDESK_INTERNAL_KEY

python3 "$HERE/provider.py" "$PROVIDER_PORT" "${DELAY_MS:-5}" &
provider_pid=$!

# Only ticket-service and the gateway are measured; the services that react to every new ticket (portal links,
# confirmation mails, the client directory) are paused (SIGSTOP) so they do not share the 2 cores with it.
downstream=()
for port in 8082 8083 8084 8085; do
  pid=$(ss -ltnpH "sport = :$port" | grep -oP 'pid=\K[0-9]+' | head -n 1 || true)
  [[ -n "$pid" ]] && downstream+=("$pid")
done
admin_token() {
  curl -fsS "$KEYCLOAK/realms/relaydesk/protocol/openid-connect/token" \
    -d grant_type=password -d client_id=relaydesk-cli -d username=admin -d password=admin |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}
screening() {  # screening <json>: the admin sets the ticket-screening provider
  curl -fsS -o /dev/null -X PUT -H "Authorization: Bearer $(admin_token)" -H 'Content-Type: application/json' \
    -d "$1" "$GATEWAY/api/admin/providers/ticket-screening"
}
cleanup() {
  screening '{"mode": "BUILT_IN"}' || true
  kill "$provider_pid" 2>/dev/null || true
  (( ${#downstream[@]} )) && kill -CONT "${downstream[@]}" 2>/dev/null || true
  if $started_here; then ./relaydesk down; fi
}
trap cleanup EXIT
(( ${#downstream[@]} )) && kill -STOP "${downstream[@]}"

secret="whsec_$(head -c 32 /dev/urandom | base64)"
built_in='{"mode": "BUILT_IN"}'
external="{\"mode\": \"EXTERNAL\", \"url\": \"http://127.0.0.1:$PROVIDER_PORT/screen\", \"secret\": \"$secret\",
           \"timeoutMs\": 2000, \"fallback\": \"ACCEPT_UNCHANGED\"}"

screening "$external"
answer=$(curl -fsS -H "X-Relaydesk-Internal-Key: $RELAYDESK_INTERNAL_KEY" -H 'Content-Type: application/json' \
  -d '{"projectKey":"SUP","title":"t","description":"d","clientEmail":"a@example.com","source":"WEB_FORM"}' \
  "$GATEWAY/internal/screening")
grep -q '"fallback":false' <<<"$answer" || { echo "the gateway did not use the external provider: $answer"; exit 1; }

# Warm both JVMs (JIT, pools, the gateway's HTTP client) on the measured paths.
wrk -t2 -c8 -d"${WARMUP:-60}s" -s "$HERE/client-ticket.lua" "$TICKETS/internal/tickets" >/dev/null
wrk -t1 -c4 -d10s -s "$HERE/screen-draft.lua" "$GATEWAY/internal/screening" >/dev/null

declare -A tps p50 p99
measure() {  # measure <name> <clients> <script> <url>
  local out
  out=$(wrk -t "$(( $2 < 2 ? $2 : 2 ))" -c "$2" -d "${DURATION}s" --latency -s "$HERE/$3" "$4")
  if grep -q "Non-2xx" <<<"$out"; then echo "$out"; echo "some requests failed: the run is not valid"; exit 1; fi
  tps[$1/$2]=$(grep -oP 'Requests/sec:\s*\K[0-9.]+' <<<"$out")
  p50[$1/$2]=$(grep -oP '^\s*50%\s+\K\S+' <<<"$out")
  p99[$1/$2]=$(grep -oP '^\s*99%\s+\K\S+' <<<"$out")
}
for clients in 1 8; do
  screening "$built_in"
  measure "create, built-in screening" "$clients" client-ticket.lua "$TICKETS/internal/tickets"
  screening "$external"
  before=$(curl -fsS "http://127.0.0.1:$PROVIDER_PORT/count")
  measure "create, external screening" "$clients" client-ticket.lua "$TICKETS/internal/tickets"
  asked=$(( $(curl -fsS "http://127.0.0.1:$PROVIDER_PORT/count") - before ))
  expected=$(python3 -c "print(int(${tps[create, external screening/$clients]} * $DURATION * 0.95))")
  (( asked >= expected )) || { echo "the provider answered only $asked drafts (expected about $expected)"; exit 1; }
  measure "gateway call alone, external" "$clients" screen-draft.lua "$GATEWAY/internal/screening"
done

echo
echo "Screening on ticket creation, provider answering in ${DELAY_MS:-5} ms, ${DURATION} s per run, $(nproc) cores, $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-32s %8s %10s %10s %10s\n' path clients "req/s" p50 p99
for clients in 1 8; do
  for name in "create, built-in screening" "create, external screening" "gateway call alone, external"; do
    printf '%-32s %8s %10s %10s %10s\n' "$name" "$clients" "${tps[$name/$clients]}" "${p50[$name/$clients]}" "${p99[$name/$clients]}"
  done
done
