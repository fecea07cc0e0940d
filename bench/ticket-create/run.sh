#!/usr/bin/env bash
# Ticket creation through the REST API (validation, ticket, history, outbox, commit) at 1 and 16 concurrent
# clients, beside the same PostgreSQL's raw single-row INSERT rate measured in the same run with pgbench.
#
#   bench/ticket-create/run.sh [seconds per run, default 20]     (WARMUP=<seconds> to change the 150 s warm-up)
#
# JFR=<file.jfr> also records a Flight Recorder profile of ticket-service during the 16-client run (it adds a little
# CPU per ticket). The last line, the stack ceiling, is the same authenticated load (16 clients, same token) against
# GET /api/me, which verifies the token and answers without touching the database: what the framework and the JWT
# alone allow on this machine.
#
# Needs the platform on its default ports (./relaydesk up --detach; started here if it is not running, and
# stopped again afterwards), wrk and pgbench (Debian packages wrk and postgresql-client; wrk is installed
# if missing).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
DURATION=${1:-20}
HERE="$ROOT/bench/ticket-create"
API=http://127.0.0.1:8081
KEYCLOAK=http://127.0.0.1:8180
export PGHOST=127.0.0.1 PGUSER=relaydesk PGPASSWORD=relaydesk PGDATABASE=relaydesk

command -v wrk >/dev/null || { echo "installing wrk"; apt-get install -y -q wrk >/dev/null; }
command -v pgbench >/dev/null || { echo "pgbench is missing (apt-get install postgresql-client)"; exit 1; }

started_here=false
if ! curl -fsS "$API/q/health/ready" >/dev/null 2>&1; then
  echo "starting the platform (./relaydesk up --detach)"
  ./relaydesk up --detach
  started_here=true
fi

# The measured path is ticket-service's (validation, ticket, history, outbox, commit, and its relay to
# Kafka). The other services would react to every ticket (confirmation mails, portal links, webhooks) on
# the same 2 cores; they are paused (SIGSTOP) while it runs and resumed afterwards, so the figure is the
# create path's and not the whole platform's.
downstream=()
for port in 8082 8083 8084 8085 8086; do
  pid=$(ss -ltnpH "sport = :$port" | grep -oP 'pid=\K[0-9]+' | head -n 1 || true)
  [[ -n "$pid" ]] && downstream+=("$pid")
done
cleanup() {
  (( ${#downstream[@]} )) && kill -CONT "${downstream[@]}" 2>/dev/null || true
  if $started_here; then ./relaydesk down; fi
}
trap cleanup EXIT
(( ${#downstream[@]} )) && kill -STOP "${downstream[@]}"

token() {
  curl -fsS "$KEYCLOAK/realms/relaydesk/protocol/openid-connect/token" \
    -d grant_type=password -d client_id=relaydesk-cli -d username=agent -d password=agent |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}

psql -q -v ON_ERROR_STOP=1 <<'SQL'
create schema if not exists bench_raw;
drop table if exists bench_raw.ticket_like;
create table bench_raw.ticket_like (id uuid primary key, title text not null, description text not null,
                                    client_email text not null, created_at timestamptz not null);
SQL

# Warm the JVM (JIT, connection pool) so that the runs measure the service and not its compiler. On 2 cores
# the JIT kept compiling for minutes: after 30 s of warm-up one client saw a p50 of 11 ms, after 150 s 4.7 ms
# (C2 compiler threads used more CPU than the request threads in the first minute).
RELAYDESK_TOKEN=$(token) wrk -t2 -c8 -d${WARMUP:-150}s -s "$HERE/create-ticket.lua" "$API/api/tickets" >/dev/null

ticks_per_second=$(getconf CLK_TCK)
# CPU the create path costs ticket-service per ticket (user + system time of its JVM over the run): less
# sensitive than throughput to whatever else the machine runs.
service_pid=$(ss -ltnpH "sport = :8081" | grep -oP 'pid=\K[0-9]+' | head -n 1)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$service_pid/stat"; }
# PostgreSQL's share: its backends for this database plus the WAL writer, checkpointer and background writer
# (pid:ticks pairs, so a backend that starts during the run counts from zero).
pg_ticks() {
  for pid in $(pgrep -u postgres); do
    cmd=$({ tr '\0' ' ' < "/proc/$pid/cmdline"; } 2>/dev/null) || continue
    if [[ $cmd == *"relaydesk relaydesk"* || $cmd == *walwriter* || $cmd == *checkpointer* || $cmd == *"background writer"* ]]; then
      awk -v pid="$pid" '{print pid ":" $14 + $15}' "/proc/$pid/stat" 2>/dev/null || true
    fi
  done | tr '\n' ' '
}
pg_ms() { python3 -c "
import sys
before = dict(p.split(':') for p in '$1'.split()); after = dict(p.split(':') for p in '$2'.split())
print(1000 * sum(int(t) - int(before.get(p, 0)) for p, t in after.items()) / $ticks_per_second)"; }
ticket_count() { psql -Atc "select count(*) from ticket.ticket"; }

declare -A api_tps api_p50 api_p99 raw_tps api_cpu pg_cpu
for clients in 1 16; do
  raw=$(pgbench -n -c "$clients" -j "$clients" -T "$DURATION" -f "$HERE/raw-insert.sql" 2>&1)
  raw_tps[$clients]=$(grep -oP 'tps = \K[0-9.]+' <<<"$raw" | head -n 1)

  tickets_before=$(ticket_count); ticks_before=$(cpu_ticks); pg_before=$(pg_ticks)
  if [[ -n "${JFR:-}" && $clients == 16 ]]; then
    jcmd "$service_pid" JFR.start name=ticket-create settings=profile filename="$(realpath -m "$JFR")" >/dev/null
  fi
  out=$(RELAYDESK_TOKEN=$(token) wrk -t "$clients" -c "$clients" -d "${DURATION}s" --latency \
        -s "$HERE/create-ticket.lua" "$API/api/tickets")
  if [[ -n "${JFR:-}" && $clients == 16 ]]; then jcmd "$service_pid" JFR.stop name=ticket-create >/dev/null; fi
  pg_after=$(pg_ticks); created=$(( $(ticket_count) - tickets_before ))
  api_cpu[$clients]=$(python3 -c "print(f'{1000 * ($(cpu_ticks) - $ticks_before) / $ticks_per_second / max(1, $created):.2f}')")
  pg_cpu[$clients]=$(python3 -c "print(f'{$(pg_ms "$pg_before" "$pg_after") / max(1, $created):.2f}')")
  if grep -q "Non-2xx" <<<"$out"; then
    echo "$out"; echo "some requests failed: the run is not valid"; exit 1
  fi
  api_tps[$clients]=$(grep -oP 'Requests/sec:\s*\K[0-9.]+' <<<"$out")
  api_p50[$clients]=$(grep -oP '^\s*50%\s+\K\S+' <<<"$out")
  api_p99[$clients]=$(grep -oP '^\s*99%\s+\K\S+' <<<"$out")
done

psql -q -c "drop schema bench_raw cascade"

# The stack ceiling: the same token and 16 clients on an endpoint that authenticates and answers without the database.
ceiling_line="stack ceiling: GET /api/me is not served by this build"
ceiling_token=$(token)
if curl -fsS -o /dev/null -H "Authorization: Bearer $ceiling_token" "$API/api/me"; then
  ticks_before=$(cpu_ticks)
  ceiling=$(RELAYDESK_TOKEN=$ceiling_token wrk -t 16 -c 16 -d "${DURATION}s" --latency \
            -s "$HERE/authenticated-get.lua" "$API/api/me")
  if grep -q "Non-2xx" <<<"$ceiling"; then
    echo "$ceiling"; echo "the stack-ceiling run had failures: it is not valid"; exit 1
  fi
  ceiling_tps=$(grep -oP 'Requests/sec:\s*\K[0-9.]+' <<<"$ceiling")
  ceiling_requests=$(grep -oP '^\s*\K[0-9]+(?= requests in)' <<<"$ceiling")
  ceiling_cpu=$(python3 -c "print(f'{1000 * ($(cpu_ticks) - $ticks_before) / $ticks_per_second / max(1, $ceiling_requests):.2f}')")
  ceiling_line=$(printf 'stack ceiling, 16 clients, GET /api/me (token checked, no database): %s req/s, p50 %s, p99 %s, %s%% of raw, CPU %s ms/request' \
    "$ceiling_tps" "$(grep -oP '^\s*50%\s+\K\S+' <<<"$ceiling")" "$(grep -oP '^\s*99%\s+\K\S+' <<<"$ceiling")" \
    "$(python3 -c "print(f'{100 * $ceiling_tps / ${raw_tps[16]}:.0f}')")" "$ceiling_cpu")
fi

echo
echo "Ticket creation, ${DURATION} s per run, $(nproc) cores, $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-8s %12s %10s %10s %16s %8s %14s %14s\n' clients "API tickets/s" p50 p99 "raw INSERT tx/s" "API/raw" \
  "CPU ms/ticket" "PG CPU ms/tkt"
for clients in 1 16; do
  ratio=$(python3 -c "print(f'{100 * ${api_tps[$clients]} / ${raw_tps[$clients]}:.0f}%')")
  printf '%-8s %12s %10s %10s %16s %8s %14s %14s\n' "$clients" "${api_tps[$clients]}" "${api_p50[$clients]}" \
    "${api_p99[$clients]}" "${raw_tps[$clients]}" "$ratio" "${api_cpu[$clients]}" "${pg_cpu[$clients]}"
done
echo "(CPU ms/ticket: ticket-service's JVM; PG CPU ms/tkt: PostgreSQL's backends for this database and its WAL writer)"
echo "$ceiling_line"
echo "target: API at 40% or more of the raw rate, p99 under 50 ms at 16 clients"
