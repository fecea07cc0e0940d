#!/usr/bin/env bash
# Client confirmations: notifications per second from the TicketCreated event consumed to the mail accepted by
# the local mail server, over a burst of events already waiting in Kafka, and the latency from TicketCreated
# published to the confirmation in the client's mailbox (p50/p90/p99) at a steady low rate, where queueing does
# not dominate.
#
#   bench/notifications/run.sh [burst events, default 2000] [--keep]
#       (RATE=<events/s> and STEADY_EVENTS=<n> for the latency run, default 20/s, 400 events; WARMUP=<events>,
#        default 500; KEEP_OTHERS=1 leaves the other services running)
#
# The latency run publishes at RATE, but at no more than half the rate the burst reached, so that the figure is the
# path's latency and not a queue's (on a loaded machine the service may not sustain 20/s); the table names the rate.
#
# Needs the platform on its default ports (./relaydesk up --detach; started here if it is not running, and stopped
# again afterwards), psql, and notification-service built (its target/quarkus-app is the classpath of
# bench/notifications/NotificationBench.java: the events module, the Kafka client, Angus Mail).
#
# What runs: NotificationBench publishes TicketCreated events as ticket-service's outbox relay does (the events
# module's record written by EventJson, ticket id as key, binary CloudEvent headers), each a ticket of its own for a
# distinct client (client-i@<run>.notify.bench, project SUP, source EMAIL, no agents to tell). notification-service
# consumes each (idempotent inbox, known ticket, queued delivery: one transaction), and its dispatcher sends it:
# link minted by portal-service over its internal API, template rendered, SMTP to the launcher's GreenMail, marked
# sent, NotificationSent into the outbox. portal-service also consumes the events (its read model), as it does on
# the platform. ticket-, mail-ingest-, identity-service and provider-gateway take no part in this path but would
# consume the same events (or the NotificationSent that follow) on the same 2 cores: they are paused (SIGSTOP)
# while it runs and resumed afterwards.
#
# Clocks, all of them the one system clock of this host: "published" is NotificationBench's Instant.now() just
# before the record is handed to the Kafka producer; "consumed" is the delivery's created_at, written by the
# consumer's transaction in notification-service; "accepted" is the delivery's sent_at, taken by notification-service
# right after the mail server answered 250 to DATA. GreenMail (2.1.13, SmtpManager.send) stores the message in the
# recipient's mailbox before it answers 250, so "accepted" is also "in the mailbox". After each run every client's
# mailbox is read over IMAP (address as login and password): each must hold its confirmation, subject with the
# ticket number, text with the portal link; else the run is not valid.
#
# Where the latency goes: notification-service's dispatcher looks for due deliveries on a timer, and Quarkus' simple
# scheduler runs an every() below 1 s only once a second (it logs "An every() value less than 1000 ms is not
# supported" for relaydesk.notification.dispatch-interval=0.5s), so a queued confirmation waits up to a second for
# its turn, then its batch's mails go one after another (link, render, SMTP each).
#
# The bench's rows (deliveries, known tickets, portal read model and links, identity's client directory; clients
# @*.notify.bench) are deleted at the end unless --keep is given. ticket-service logs a warning for each
# NotificationSent that names a ticket it does not know (the bench's tickets exist only in their events).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
HERE="$ROOT/bench/notifications"
BURST=${1:-2000}
KEEP=false
[[ "${2:-}" == "--keep" || "${1:-}" == "--keep" ]] && KEEP=true
[[ "$BURST" =~ ^[0-9]+$ ]] || BURST=2000
RATE=${RATE:-20}
STEADY_EVENTS=${STEADY_EVENTS:-400}
WARMUP=${WARMUP:-500}
TIMEOUT_SECONDS=${TIMEOUT_SECONDS:-600}
KAFKA=127.0.0.1:9092
export PGHOST=127.0.0.1 PGUSER=relaydesk PGPASSWORD=relaydesk PGDATABASE=relaydesk
command -v psql >/dev/null || { echo "psql is missing (apt-get install postgresql-client)"; exit 1; }

APP="$ROOT/notification-service/target/quarkus-app"
[[ -d "$APP/lib/main" ]] || { echo "build notification-service first (./mvnw -pl notification-service -am install -DskipTests)"; exit 1; }
WORK=$(mktemp -d /tmp/notification-bench.XXXXXX)
bench() { java -cp "$APP/lib/main/*" "$HERE/NotificationBench.java" "$@" 2>>"$WORK/bench.err"; }

started_here=false
if ! curl -fsS http://127.0.0.1:8084/q/health/ready >/dev/null 2>&1 || ! curl -fsS http://127.0.0.1:8082/q/health/ready >/dev/null 2>&1; then
  echo "starting the platform (./relaydesk up --detach)"
  ./relaydesk up --detach
  started_here=true
fi

pid_on() { ss -ltnpH "sport = :$1" | grep -oP 'pid=\K[0-9]+' | head -n 1 || true; }
paused=()
if [[ "${KEEP_OTHERS:-0}" != 1 ]]; then
  for port in 8081 8083 8085 8086; do
    pid=$(pid_on "$port")
    [[ -n "$pid" ]] && paused+=("$pid")
  done
fi
run_id="n$(date +%s)"
published_total=0
cleanup() {
  (( ${#paused[@]} )) && kill -CONT "${paused[@]}" 2>/dev/null || true
  if ! $KEEP && (( published_total > 0 )); then
    # identity-service files the bench's clients once it runs again: wait for it (120 s at most), then delete
    for _ in $(seq 120); do
      filed=$(psql -tAq -c "select count(*) from identity.client_ticket where client_email like '%@${run_id}%.notify.bench'" || echo 0)
      (( filed >= published_total )) && break
      sleep 1
    done
    psql -q >/dev/null <<SQL || echo "(could not delete every bench row; they are the clients @${run_id}*.notify.bench)"
delete from notification.delivery_attempt where delivery_id in
    (select id from notification.delivery where recipient_email like '%@${run_id}%.notify.bench');
delete from notification.delivery where recipient_email like '%@${run_id}%.notify.bench';
delete from notification.known_ticket where client_email like '%@${run_id}%.notify.bench';
delete from portal.access_link where client_email like '%@${run_id}%.notify.bench';
delete from portal.portal_ticket where client_email like '%@${run_id}%.notify.bench';
delete from identity.client_ticket where client_email like '%@${run_id}%.notify.bench';
delete from identity.client_summary where email like '%@${run_id}%.notify.bench';
SQL
  fi
  rm -rf "$WORK"
  if $started_here; then ./relaydesk down; fi
}
trap cleanup EXIT
(( ${#paused[@]} )) && kill -STOP "${paused[@]}"

notification_pid=$(pid_on 8084)
portal_pid=$(pid_on 8082)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
ticks_per_second=$(getconf CLK_TCK)
cpu_ms_per() {  # cpu_ms_per <pid> <ticks before> <count>: milliseconds of CPU the process used per confirmation
  python3 -c "print(f'{1000 * ($(cpu_ticks "$1") - $2) / $ticks_per_second / $3:.1f}')"
}

sent_count() {
  psql -tAq -c "select count(*) from notification.delivery where kind = 'TICKET_CONFIRMATION' and status = 'SENT'
                and recipient_email like '%@$1.notify.bench'"
}

# Publishes COUNT events at RATE (0: all at once), waits until every confirmation is sent, checks the mailboxes,
# and sets: consumed_rate, accepted_rate (consumed -> accepted), e2e_rate (first published -> last accepted),
# p50/p90/p99/max of published -> accepted and q50/q99 of published -> consumed (ms), cpu_notification and
# cpu_portal (ms of CPU per confirmation: a figure the other load on the machine changes less than the rates).
run() {
  local tag="$run_id$1" count=$2 rate=$3 file="$WORK/$1.csv" start out sent notification0 portal0
  notification0=$(cpu_ticks "$notification_pid"); portal0=$(cpu_ticks "$portal_pid")
  start=$(date +%s)
  out=$(bench publish "$KAFKA" "$tag" "$count" "$rate" "$file") || { cat "$WORK/bench.err"; exit 1; }
  echo "  published $count events in $(cut -d" " -f2 <<<"$out") s"
  published_total=$(( published_total + count ))
  while true; do
    sent=$(sent_count "$tag")
    (( sent >= count )) && break
    if (( $(date +%s) - start > TIMEOUT_SECONDS )); then
      echo "after $TIMEOUT_SECONDS s only $sent of $count confirmations were sent; the delivery log says:"
      psql -c "select status, left(last_error, 120) as last_error, count(*) from notification.delivery
               where recipient_email like '%@$tag.notify.bench' group by 1, 2"
      exit 1
    fi
    sleep 1 # only to know when to go on: the figures come from the timestamps in the delivery log
  done
  cpu_notification=$(cpu_ms_per "$notification_pid" "$notification0" "$count")
  cpu_portal=$(cpu_ms_per "$portal_pid" "$portal0" "$count")
  local problems
  problems=$(psql -tAq -c "select count(*) from notification.delivery where recipient_email like '%@$tag.notify.bench'
                           and (attempts <> 1 or kind <> 'TICKET_CONFIRMATION')")
  (( problems == 0 )) || { echo "$problems deliveries needed a retry or were not confirmations: the run is not valid"; exit 1; }
  read -r consumed_rate accepted_rate e2e_rate p50 p90 p99 pmax q50 q99 < <(psql -tAq -F ' ' <<SQL
create temp table published (ticket_id uuid, client text, number text, published_us bigint);
\copy published from '$file' with (format csv)
with t as (
    select p.published_us, extract(epoch from d.created_at) * 1e6 as consumed_us,
           extract(epoch from d.sent_at) * 1e6 as accepted_us
    from published p join notification.delivery d on d.ticket_id = p.ticket_id and d.kind = 'TICKET_CONFIRMATION')
select round(count(*) / nullif((max(consumed_us) - min(consumed_us)) / 1e6, 0)),
       round(count(*) / ((max(accepted_us) - min(consumed_us)) / 1e6)),
       round(count(*) / ((max(accepted_us) - min(published_us)) / 1e6)),
       round(percentile_disc(0.5) within group (order by (accepted_us - published_us) / 1e3)),
       round(percentile_disc(0.9) within group (order by (accepted_us - published_us) / 1e3)),
       round(percentile_disc(0.99) within group (order by (accepted_us - published_us) / 1e3)),
       round(max((accepted_us - published_us) / 1e3)),
       round(percentile_disc(0.5) within group (order by (consumed_us - published_us) / 1e3)),
       round(percentile_disc(0.99) within group (order by (consumed_us - published_us) / 1e3))
from t
SQL
)
  local confirmed total missing
  read -r confirmed total missing <<<"$(bench verify 127.0.0.1 3143 "$file")" || true
  [[ "$confirmed" == "$count" ]] || {
    echo "only $confirmed of $count mailboxes hold their confirmation (e.g. $missing): the run is not valid"
    tail -n 20 "$WORK/bench.err"; exit 1; }
}

echo "warming up with $WARMUP events"
run w "$WARMUP" 0
echo "burst of $BURST events"
run b "$BURST" 0
burst=("$consumed_rate" "$accepted_rate" "$e2e_rate" "$p50" "$p90" "$p99" "$pmax" "$q50" "$q99" "$cpu_notification" "$cpu_portal")
steady_rate=$(python3 -c "print(f'{max(1.0, min($RATE, $accepted_rate / 2)):g}')")
steady_count=$STEADY_EVENTS
echo "steady run: $steady_count events at $steady_rate/s"
run s "$steady_count" "$steady_rate"
steady=("$consumed_rate" "$accepted_rate" "$e2e_rate" "$p50" "$p90" "$p99" "$pmax" "$q50" "$q99" "$cpu_notification" "$cpu_portal")
kept_up=$(python3 -c "print($e2e_rate >= 0.9 * $steady_rate)")

echo
echo "Client confirmations (TicketCreated -> mail in the client's mailbox), $(nproc) cores,"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
(( ${#paused[@]} )) && echo "(ticket-, mail-ingest-, identity-service and provider-gateway paused during the runs)"
row='%-20s %7s %10s %10s %12s | %7s %7s %7s %7s | %8s %8s | %9s %9s\n'
printf "$row" run events "consumed/s" "accepted/s" "end-to-end/s" "p50 ms" "p90 ms" "p99 ms" "max ms" "cons p50" \
  "cons p99" "notif. ms" "portal ms"
printf "$row" "burst (all at once)" "$BURST" "${burst[@]}"
printf "$row" "steady ($steady_rate/s)" "$steady_count" "${steady[@]}"
echo "consumed/s: events turned into queued deliveries per second; accepted/s: confirmations from the first event"
echo "consumed to the last mail accepted (SMTP 250); end-to-end/s: from the first event published. Latency columns:"
echo "published -> accepted (in the mailbox); cons: published -> consumed. Burst latencies include the queue."
echo "notif./portal ms: CPU milliseconds notification-service and portal-service spent per confirmation."
[[ "$steady_rate" == "$RATE" ]] || echo "The steady run went at $steady_rate/s, not $RATE/s: half the burst's rate, so that queueing does not dominate."
[[ "$kept_up" == True ]] || echo "The steady run's confirmations did not keep up with $steady_rate/s: its latencies include queueing."
