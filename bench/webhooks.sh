#!/usr/bin/env bash
# Webhook events delivered per second to a local receiver, end to end:
# Kafka (TicketCreated) -> provider-gateway (consume, queue, sign, POST) -> the sample provider, which verifies
# every signature. Prints the rate and what the receiver counted.
#
# Needs a running platform (./relaydesk up --detach) whose provider-gateway allow-lists 127.0.0.1 (the local
# stack does), the built sample provider (./mvnw -pl sample-provider package) and the Kafka client jars of
# local-stack/target/kafka-lib (built with local-stack). Usage: bench/webhooks.sh [events] (default 2000).
# Endpoints can be moved with GATEWAY, KEYCLOAK, KAFKA and SAMPLE_PORT.
set -euo pipefail

EVENTS=${1:-2000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
GATEWAY=${GATEWAY:-http://127.0.0.1:8086}
KEYCLOAK=${KEYCLOAK:-http://127.0.0.1:8180}
KAFKA=${KAFKA:-127.0.0.1:9092}
SAMPLE_PORT=${SAMPLE_PORT:-8090}
TIMEOUT_SECONDS=${TIMEOUT_SECONDS:-600}
PROJECT="BENCH$(date +%s)"   # a project of its own: no other subscription or event gets in the way
SECRET="whsec_$(head -c 32 /dev/urandom | base64)"

now() { date +%s.%N; }
calc() { awk "BEGIN { printf \"$1\", $2 }"; }   # calc FORMAT EXPRESSION
stat_of() { curl -fsS "http://127.0.0.1:$SAMPLE_PORT/stats" | sed "s/.*\"$1\":\([0-9]*\).*/\1/"; }

WEBHOOK_SECRET="$SECRET" SAMPLE_PROVIDER_QUIET=1 java -jar "$ROOT/sample-provider/target/sample-provider.jar" "$SAMPLE_PORT" \
    > /tmp/relaydesk-bench-sample-provider.log 2>&1 &
SAMPLE_PID=$!
WEBHOOK_ID=""
TOKEN=""
cleanup() {
    if [[ -n "$WEBHOOK_ID" ]]; then
        curl -fsS -o /dev/null -X DELETE -H "Authorization: Bearer $TOKEN" "$GATEWAY/api/admin/webhooks/$WEBHOOK_ID" || true
    fi
    kill "$SAMPLE_PID" 2>/dev/null || true
}
trap cleanup EXIT

TOKEN=$(curl -fsS -d grant_type=password -d client_id=relaydesk-cli -d username=admin -d password=admin \
        "$KEYCLOAK/realms/relaydesk/protocol/openid-connect/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
for _ in $(seq 50); do curl -fsS -o /dev/null "http://127.0.0.1:$SAMPLE_PORT/stats" 2>/dev/null && break; sleep 0.2; done

WEBHOOK_ID=$(curl -fsS -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"url\":\"http://127.0.0.1:$SAMPLE_PORT/events\",\"secret\":\"$SECRET\",\"eventTypes\":[\"TicketCreated\"],\"projectKey\":\"$PROJECT\"}" \
    "$GATEWAY/api/admin/webhooks" | sed 's/.*"id":"\([^"]*\)".*/\1/')

echo "Publishing $EVENTS TicketCreated events of project $PROJECT to $KAFKA ..."
START=$(now)
java -cp "$ROOT/local-stack/target/kafka-lib/*" "$ROOT/bench/webhooks/PublishTicketEvents.java" "$KAFKA" "$EVENTS" "$PROJECT" 2>/dev/null
PUBLISHED=$(now)

FIRST=""
while true; do
    RECEIVED=$(stat_of received)
    if [[ -z "$FIRST" ]] && (( RECEIVED > 0 )); then FIRST=$(now); FIRST_COUNT=$RECEIVED; fi
    (( RECEIVED >= EVENTS )) && break
    if (( $(calc '%d' "$(now) - $START") > TIMEOUT_SECONDS )); then
        echo "Gave up after $TIMEOUT_SECONDS s: $(curl -fsS "http://127.0.0.1:$SAMPLE_PORT/stats")" >&2
        exit 1
    fi
    sleep 0.2
done
DONE=$(now)

# The steady rate counts from the first webhook the receiver took, so the publisher's JVM start is left out.
echo "published in            $(calc '%.2f' "$PUBLISHED - $START") s (a JVM compiling and running the publisher)"
echo "all delivered after     $(calc '%.2f' "$DONE - $START") s from the start of publishing"
echo "webhooks/s (steady)     $(calc '%.0f' "($EVENTS - $FIRST_COUNT) / ($DONE - $FIRST)")   over $(calc '%.2f' "$DONE - $FIRST") s"
echo "receiver counted        $(curl -fsS "http://127.0.0.1:$SAMPLE_PORT/stats")   (rejected must be 0)"
echo "machine load            $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
