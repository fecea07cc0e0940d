package dev.relaydesk.mailingest.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relaydesk.events.EventJson;
import dev.relaydesk.events.EventType;
import dev.relaydesk.events.MailReceived;
import dev.relaydesk.mailingest.inbound.InboundMessage;
import dev.relaydesk.mailingest.inbound.InboundMessage.Status;
import dev.relaydesk.testsupport.KafkaEvents;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real-world shaped messages (src/test/resources/corpus) delivered over a real SMTP connection, each checked
 * against its expected outcome in corpus/manifest.tsv: what is stored, ignored or quarantined, and what a
 * published ticket mail says.
 */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
public class CorpusTest {

    @Inject
    SmtpReceiver receiver;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    /**
     * @param status null when the receiver refuses the message ({@code smtpReply} then says how)
     * @param files  "name=kept" or "name=refused" for each file the published mail lists (checked when not empty)
     */
    public record Expected(String file, String envelopeFrom, Status status, int smtpReply, String reason, String subject,
            String fromName, String bodyContains, List<String> bodyExcludes, List<String> files) {

        @Override
        public String toString() {
            return file;
        }
    }

    public static Stream<Expected> manifest() throws IOException {
        return new String(resource("manifest.tsv"), StandardCharsets.UTF_8).lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> Arrays.stream(line.split("\t", -1)).map(field -> field.replace("\\n", "\n")).toList())
                .map(f -> new Expected(f.get(0), f.get(1), f.get(2).startsWith("SMTP-") ? null : Status.valueOf(f.get(2)),
                        f.get(2).startsWith("SMTP-") ? Integer.parseInt(f.get(2).substring(5)) : 250, f.get(3), f.get(4),
                        f.get(5), f.get(6), list(f.get(7)), f.size() > 8 ? list(f.get(8)) : List.of()));
    }

    private static List<String> list(String field) {
        return field.isEmpty() ? List.of() : List.of(field.split("\\|"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifest")
    void eachCorpusMessageEndsAsExpected(Expected expected) throws Exception {
        // CRLF on the wire, as SMTP requires; the receiver stores exactly these bytes.
        String wire = new String(resource(expected.file()), StandardCharsets.ISO_8859_1)
                .replace("\r\n", "\n").replace("\n", "\r\n").stripTrailing();
        try (SmtpDialogue smtp = new SmtpDialogue(receiver.port())) {
            assertEquals(250, smtp.command("EHLO corpus.example"));
            assertEquals(250, smtp.command("MAIL FROM:<" + expected.envelopeFrom() + ">"));
            assertEquals(250, smtp.command("RCPT TO:<support@relaydesk.test>"));
            assertEquals(354, smtp.command("DATA"));
            assertEquals(expected.smtpReply(), smtp.body(wire), expected.smtpReply() == 250 ? "stored" : "refused");
        }
        // whether the CRLF before the terminating dot counts as part of the message is the server's choice
        List<String> hashes = List.of(sha256(wire), sha256(wire + "\r\n"));
        InboundMessage stored = QuarkusTransaction.requiringNew().call(() ->
                InboundMessage.<InboundMessage>find("sha256 in ?1", hashes).firstResult());
        if (expected.status() == null) {
            assertNull(stored, "a refused message is not stored");
            assertEquals(0L, QuarkusTransaction.requiringNew().call(() ->
                    InboundMessage.count("envelopeFrom", expected.envelopeFrom())), "nothing of it is stored");
            return;
        }
        assertNotNull(stored, "stored byte for byte");
        assertEquals(expected.status(), stored.status, "status; reason was: " + stored.reason);
        if (!expected.reason().isEmpty()) {
            assertTrue(stored.reason.contains(expected.reason()), "reason: " + stored.reason);
        }
        if (expected.status() == Status.PUBLISHED) {
            UUID id = stored.id;
            MailReceived mail = EventJson.read(KafkaEvents.awaitRecord(kafka, EventType.MAIL_RECEIVED.topic(),
                    record -> EventJson.read(record.value(), MailReceived.class).mailId().equals(id),
                    Duration.ofSeconds(30)).value(), MailReceived.class);
            assertEquals(expected.subject(), mail.subject());
            assertEquals(expected.fromName(), mail.fromName());
            assertTrue(mail.textBody().contains(expected.bodyContains()), "body was:\n" + mail.textBody());
            for (String excluded : expected.bodyExcludes()) {
                assertFalse(mail.textBody().contains(excluded), "body contains " + excluded + ":\n" + mail.textBody());
            }
            if (!expected.files().isEmpty()) {
                assertEquals(expected.files(), mail.attachments().stream()
                        .map(file -> file.filename() + (file.refusedReason() == null ? "=kept" : "=refused")).toList());
                mail.attachments().stream().filter(file -> file.refusedReason() != null).forEach(file ->
                        assertEquals("larger than the 16.0 KB allowed for one attachment", file.refusedReason()));
            }
        }
    }

    private static String sha256(String wire) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(wire.getBytes(StandardCharsets.ISO_8859_1)));
    }

    public static byte[] resource(String name) throws IOException {
        try (InputStream in = CorpusTest.class.getResourceAsStream("/corpus/" + name)) {
            if (in == null) {
                throw new IOException("no corpus file " + name);
            }
            return in.readAllBytes();
        }
    }
}
