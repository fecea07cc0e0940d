package dev.relaydesk.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relaydesk.e2e.TraceCollector.CollectedSpan;
import dev.relaydesk.localstack.Endpoints;
import dev.relaydesk.testsupport.Mailboxes;
import dev.relaydesk.testsupport.Smtp;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One email followed through the platform by its trace: the SMTP receiver accepts it, its MailReceived record
 * crosses Kafka, ticket-service opens the ticket, its TicketCreated record crosses Kafka, and
 * notification-service sends the confirmation, all in one trace. The context rides in Kafka record headers
 * and, across each outbox and the mail queue, in a column.
 */
class MailTraceIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Pattern TICKET_NUMBER = Pattern.compile("\\[([A-Z]+-\\d+)]");

    @Test
    void oneMailsWayFromSmtpToTheConfirmationIsOneConnectedTrace() throws MessagingException {
        Endpoints endpoints = E2ePlatform.stack().endpoints();
        TraceCollector traces = E2ePlatform.traces();
        String client = "traced-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String title = "Scanner jams on every page " + UUID.randomUUID().toString().substring(0, 4);

        Smtp.send("127.0.0.1", endpoints.smtpReceiverPort(),
                Smtp.message(client, "support@relaydesk.test", title, "It jams since the update."));
        String subject = Mailboxes.awaitMessage(client, Mailboxes.subjectContains(title)).getSubject();
        Matcher number = TICKET_NUMBER.matcher(subject);
        assertTrue(number.find(), subject);

        String traceId = await().atMost(PATIENCE).until(() -> traces.spans().stream()
                .filter(span -> number.group(1).equals(span.attributes().get("relaydesk.ticket.number")))
                .map(CollectedSpan::traceId).findFirst(), Optional::isPresent).orElseThrow();
        // spans arrive in each service's export batches: wait until the whole journey is in
        List<CollectedSpan> trace = await().atMost(PATIENCE).until(() -> traces.trace(traceId),
                spans -> has(spans, "notification-service", "mail send") && unconnected(spans).isEmpty());

        List<CollectedSpan> roots = trace.stream().filter(CollectedSpan::isRoot).toList();
        assertEquals(1, roots.size(), () -> "one root:\n" + describe(trace));
        assertEquals("mail-ingest-service", roots.get(0).service());
        assertEquals("mail accept", roots.get(0).name());
        assertEquals("smtp", roots.get(0).attributes().get("relaydesk.mail.channel"));
        Set<String> producers = trace.stream().filter(span -> span.kind().equals("SPAN_KIND_PRODUCER"))
                .map(CollectedSpan::service).collect(Collectors.toSet());
        assertTrue(producers.containsAll(Set.of("mail-ingest-service", "ticket-service")),
                () -> "a Kafka record sent by each outbox relay:\n" + describe(trace));
        assertTrue(has(trace, "ticket-service", "ticket-service.mail-intake"), () -> describe(trace));
        assertTrue(has(trace, "notification-service", "notification.ticket-created"), () -> describe(trace));
        CollectedSpan send = trace.stream().filter(span -> span.name().equals("mail send")).findFirst().orElseThrow();
        assertEquals("TICKET_CONFIRMATION", send.attributes().get("relaydesk.mail.kind"));
        System.out.println("The trace of " + number.group(1) + ":\n" + describe(trace));
    }

    private static boolean has(List<CollectedSpan> spans, String service, String name) {
        return spans.stream().anyMatch(span -> span.service().equals(service) && span.name().equals(name));
    }

    /** Spans whose parent is not (yet) in the trace. */
    private static List<CollectedSpan> unconnected(List<CollectedSpan> spans) {
        Set<String> ids = spans.stream().map(CollectedSpan::spanId).collect(Collectors.toSet());
        return spans.stream().filter(span -> !span.isRoot() && !ids.contains(span.parentSpanId())).toList();
    }

    /** The trace as an indented tree, for failure messages and the build log. */
    private static String describe(List<CollectedSpan> spans) {
        StringBuilder tree = new StringBuilder();
        spans.stream().filter(span -> span.isRoot() || unconnected(spans).contains(span))
                .forEach(root -> describe(spans, root, 0, tree));
        return tree.toString();
    }

    private static void describe(List<CollectedSpan> spans, CollectedSpan span, int depth, StringBuilder tree) {
        tree.append("  ".repeat(depth)).append(span.service()).append(": ").append(span.name())
                .append(" (").append(span.kind().replace("SPAN_KIND_", "").toLowerCase()).append(")\n");
        spans.stream().filter(child -> child.parentSpanId().equals(span.spanId()))
                .forEach(child -> describe(spans, child, depth + 1, tree));
    }
}
