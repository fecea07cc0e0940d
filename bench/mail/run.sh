#!/usr/bin/env bash
# Inbound mail end to end: messages per second from the SMTP receiver's accept to the ticket (new mails) or
# note (replies, threaded by In-Reply-To to the ticket the client's first mail opened) committed in
# ticket-service, at 1 and 8 concurrent SMTP senders, beside the rate at which the same messages are parsed
# in one JVM by Angus Mail alone and by mail-ingest's own MailParser (headers, body extraction, quote strip).
#
#   bench/mail/run.sh [mails per run, default 2000] [--keep]      (WARMUP=<mails> to change the 1000 warm-up mails)
#
# Needs the platform on its default ports (./relaydesk up --detach; started here if it is not running, and
# stopped again afterwards), psql, and mail-ingest-service built (its target/quarkus-app is the classpath of
# bench/mail/MailBench.java, the senders and the parser). The path measured is SMTP accept (raw message
# committed, 250) -> MailReceived through the outbox and Kafka -> ticket-service's MailIntake committing the
# ticket or note and its Message-ID. The other services would react to every new ticket (confirmation mails,
# portal links) on the same cores; portal-, notification- and identity-service are paused (SIGSTOP) while it runs
# and resumed afterwards (KEEP_DOWNSTREAM=1 leaves them running). provider-gateway keeps running: ticket-service
# asks it synchronously about each new ticket (user information, custom fields), and a paused gateway would make
# every ticket wait for that call's timeout. The bench's tickets (clients @<run>.mail.bench) are deleted at the
# end unless --keep is given.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
COUNT=${1:-2000}
KEEP=false
[[ "${2:-}" == "--keep" || "${1:-}" == "--keep" ]] && KEEP=true
[[ "$COUNT" =~ ^[0-9]+$ ]] || COUNT=2000
WARMUP=${WARMUP:-1000}
TIMEOUT_SECONDS=${TIMEOUT_SECONDS:-600}
TICKETS=http://127.0.0.1:8081
INGEST=http://127.0.0.1:8083
SMTP_PORT=2525
export PGHOST=127.0.0.1 PGUSER=relaydesk PGPASSWORD=relaydesk PGDATABASE=relaydesk
command -v psql >/dev/null || { echo "psql is missing (apt-get install postgresql-client)"; exit 1; }

APP="$ROOT/mail-ingest-service/target/quarkus-app"
[[ -d "$APP/lib/main" ]] || { echo "build mail-ingest-service first (./mvnw -pl mail-ingest-service package)"; exit 1; }
CP="$APP/app/*:$APP/lib/main/*"
# Angus Mail configured as mail-ingest configures it (MailParser names its stream provider, sparing a ServiceLoader
# scan per body part), so "Angus parse/s" is the raw rate of the parser the service runs.
bench() { java -Djakarta.mail.util.StreamProvider=org.eclipse.angus.mail.util.MailStreamProvider -cp "$CP" \
  "$ROOT/bench/mail/MailBench.java" "$@" 2>/dev/null; }

started_here=false
if ! curl -fsS "$TICKETS/q/health/ready" >/dev/null 2>&1 || ! curl -fsS "$INGEST/q/health/ready" >/dev/null 2>&1; then
  echo "starting the platform (./relaydesk up --detach)"
  ./relaydesk up --detach
  started_here=true
fi

pid_on() { ss -ltnpH "sport = :$1" | grep -oP 'pid=\K[0-9]+' | head -n 1 || true; }
downstream=()
if [[ "${KEEP_DOWNSTREAM:-0}" != 1 ]]; then
  for port in 8082 8084 8085; do
    pid=$(pid_on "$port")
    [[ -n "$pid" ]] && downstream+=("$pid")
  done
fi
cleanup() {
  (( ${#downstream[@]} )) && kill -CONT "${downstream[@]}" 2>/dev/null || true
  if ! $KEEP; then
    # every row that points at a bench ticket first (notes, history, references, links ...), then the tickets
    psql -q >/dev/null 2>&1 <<'SQL' || echo "(could not delete every bench ticket; they are the clients @*.mail.bench)"
create temp table bench_ticket as select id from ticket.ticket where client_email like '%.mail.bench';
do $$
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
  delete from mailingest.inbound_message where from_address like '%.mail.bench';
end $$;
SQL
  fi
  if $started_here; then ./relaydesk down; fi
}
trap cleanup EXIT
(( ${#downstream[@]} )) && kill -STOP "${downstream[@]}"

ingest_pid=$(pid_on 8083)
ticket_pid=$(pid_on 8081)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
ticks_per_second=$(getconf CLK_TCK)
now_ms() { date +%s%3N; }
committed() { psql -tAq -c "select count(*) from ticket.mail_reference where message_id like '$1-%@$2.mail.bench'"; }

# Sends COUNT mails of one kind over SENDERS connections, waits until ticket-service committed all of them;
# sets accept_rate, e2e_rate, cpu_ingest, cpu_ticket (ms per mail).
run() {
  local tag=$1 kind=$2 count=$3 senders=$4
  local ingest0 ticket0 start out sent accept_s committed_now
  ingest0=$(cpu_ticks "$ingest_pid"); ticket0=$(cpu_ticks "$ticket_pid")
  start=$(now_ms)
  out=$(bench send 127.0.0.1 "$SMTP_PORT" "$tag" "$kind" "$count" "$senders")
  read -r sent accept_s <<<"$out"
  [[ "$sent" == "$count" ]] || { echo "only $sent of $count mails were accepted: the run is not valid"; exit 1; }
  while true; do
    committed_now=$(committed "$kind" "$tag")
    (( committed_now >= count )) && break
    if (( $(now_ms) - start > TIMEOUT_SECONDS * 1000 )); then
      echo "after $TIMEOUT_SECONDS s only $committed_now of $count $kind mails reached a ticket; mail-ingest says:"
      psql -c "select status, reason, count(*) from mailingest.inbound_message where from_address like '%@$tag.mail.bench' group by 1, 2"
      exit 1
    fi
    sleep 0.1
  done
  local elapsed_ms=$(( $(now_ms) - start ))
  accept_rate=$(python3 -c "print(f'{$count / $accept_s:.0f}')")
  e2e_rate=$(python3 -c "print(f'{1000 * $count / $elapsed_ms:.0f}')")
  cpu_ingest=$(python3 -c "print(f'{1000 * ($(cpu_ticks "$ingest_pid") - $ingest0) / $ticks_per_second / $count:.2f}')")
  cpu_ticket=$(python3 -c "print(f'{1000 * ($(cpu_ticks "$ticket_pid") - $ticket0) / $ticks_per_second / $count:.2f}')")
}

run_id="b$(date +%s)"
# Warm the JVMs (JIT, pools, Kafka consumers): a fresh service is many times slower at first.
echo "warming up with $WARMUP new mails and their $WARMUP replies"
run "${run_id}w" new "$WARMUP" 8
run "${run_id}w" reply "$WARMUP" 8

declare -A accept e2e ci ct
for senders in 1 8; do
  for kind in new reply; do
    run "${run_id}s$senders" "$kind" "$COUNT" "$senders"
    accept[$kind$senders]=$accept_rate; e2e[$kind$senders]=$e2e_rate
    ci[$kind$senders]=$cpu_ingest; ct[$kind$senders]=$cpu_ticket
  done
done
declare -A parse_angus parse_service
for kind in new reply; do
  read -r parse_angus[$kind] parse_service[$kind] _ <<<"$(bench parse "${run_id}s1" "$kind" "$COUNT")"
done

echo
echo "Inbound mail, $COUNT mails per run, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
(( ${#downstream[@]} )) && echo "(portal, notification and identity paused during the runs)"
printf '%-6s %-8s %14s %16s %18s %18s %14s %14s\n' kind senders "SMTP accept/s" "end to end/s" \
  "Angus parse/s" "MailParser/s" "ingest ms CPU" "ticket ms CPU"
for senders in 1 8; do
  for kind in new reply; do
    printf '%-6s %-8s %14s %16s %18s %18s %14s %14s\n' "$kind" "$senders" "${accept[$kind$senders]}" \
      "${e2e[$kind$senders]}" "${parse_angus[$kind]}" "${parse_service[$kind]}" "${ci[$kind$senders]}" \
      "${ct[$kind$senders]}"
  done
done
echo "end to end: from the first SMTP connection until ticket-service committed the last ticket or note;"
echo "parse/s: one thread in one JVM; CPU: milliseconds of each service's JVM per mail; target: 200 mails/s end to end"
