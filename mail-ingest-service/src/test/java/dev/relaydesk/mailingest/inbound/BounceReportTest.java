package dev.relaydesk.mailingest.inbound;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relaydesk.events.EventJson;
import dev.relaydesk.events.EventType;
import dev.relaydesk.events.MailBounced;
import dev.relaydesk.mailingest.http.InboundSecretFilter;
import dev.relaydesk.testsupport.KafkaEvents;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A delivery report opens no ticket, and each address it says failed for good is announced once. */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
class BounceReportTest {

    private static final String SECRET = "test-inbound-secret";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void aPostfixStyleReportNamesTheFailedAddressAndTheMailOfOursThatBounced() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String gone = "gone-" + tag + "@remote.example";
        String late = "late-" + tag + "@remote.example";
        String ours = UUID.randomUUID() + "@relaydesk.test";
        String report = """
                Return-Path: <>
                From: Mail Delivery System <MAILER-DAEMON@mx.remote.example>
                To: support@relaydesk.test
                Subject: Undelivered Mail Returned to Sender
                Message-ID: <report-%1$s@mx.remote.example>
                Auto-Submitted: auto-replied
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="b-%1$s"

                --b-%1$s
                Content-Type: text/plain; charset=us-ascii

                Your message could not be delivered to one or more recipients.

                --b-%1$s
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.remote.example

                Final-Recipient: rfc822; <%2$s>
                Original-Recipient: rfc822;%2$s
                Action: failed
                Status: 5.1.1
                Diagnostic-Code: smtp; 550 5.1.1 <%2$s>:
                 Recipient address rejected: User unknown

                Final-Recipient: rfc822; %3$s
                Action: delayed
                Status: 4.4.1

                --b-%1$s
                Content-Type: text/rfc822-headers

                From: Support <support@relaydesk.test>
                To: %2$s
                Subject: [SUP-7] We received your request
                Message-ID: <%4$s>

                --b-%1$s--
                """.formatted(tag, gone.toUpperCase(), late, ours).replace("\n", "\r\n");

        post(report).then().statusCode(202).body("status", equalTo("IGNORED"))
                .body("reason", containsString("failed: " + gone));

        MailBounced bounced = EventJson.read(KafkaEvents.awaitRecord(kafka, EventType.MAIL_BOUNCED.topic(),
                record -> gone.equals(record.key()), Duration.ofSeconds(30)).value(), MailBounced.class);
        assertEquals(gone, bounced.failedAddress());
        assertEquals("5.1.1", bounced.status());
        assertTrue(bounced.diagnostic().contains("User unknown"), bounced.diagnostic());
        assertEquals(ours, bounced.originalMessageId());
        // the delayed recipient may still get the mail: not announced
        assertTrue(KafkaEvents.records(kafka, EventType.MAIL_BOUNCED.topic()).stream()
                .noneMatch(record -> late.equals(record.key())));
    }

    @Test
    void aReportReturningTheWholeMessageAndOneWithoutItBothCount() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String full = "full-" + tag + "@remote.example";
        String ours = UUID.randomUUID() + "@relaydesk.test";
        post(report(tag + "a", full, """
                Content-Type: message/rfc822

                From: Support <support@relaydesk.test>
                To: %s
                Subject: Your ticket was closed
                Message-ID: <%s>

                Body of our mail.
                """.formatted(full, ours))).then().statusCode(202);
        String bare = "bare-" + tag + "@remote.example";
        post(report(tag + "b", bare, null)).then().statusCode(202);

        MailBounced withMail = EventJson.read(KafkaEvents.awaitRecord(kafka, EventType.MAIL_BOUNCED.topic(),
                record -> full.equals(record.key()), Duration.ofSeconds(30)).value(), MailBounced.class);
        assertEquals(ours, withMail.originalMessageId());
        MailBounced without = EventJson.read(KafkaEvents.awaitRecord(kafka, EventType.MAIL_BOUNCED.topic(),
                record -> bare.equals(record.key()), Duration.ofSeconds(30)).value(), MailBounced.class);
        assertNull(without.originalMessageId());
        assertEquals("5.2.2", without.status());
    }

    private static String report(String tag, String recipient, String returnedPart) {
        String returned = returnedPart == null ? "" : "--b-" + tag + "\n" + returnedPart + "\n";
        return """
                Return-Path: <>
                From: postmaster@remote.example
                To: support@relaydesk.test
                Subject: Delivery Status Notification (Failure)
                Message-ID: <report-%1$s@remote.example>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="b-%1$s"

                --b-%1$s
                Content-Type: message/delivery-status

                Reporting-MTA: dns; remote.example

                Final-Recipient: rfc822; %2$s
                Action: failed
                Status: 5.2.2
                Diagnostic-Code: smtp; 552 5.2.2 Mailbox full

                %3$s--b-%1$s--
                """.formatted(tag, recipient, returned).replace("\n", "\r\n");
    }

    private static io.restassured.response.Response post(String raw) {
        return given().header(InboundSecretFilter.HEADER, SECRET).contentType("message/rfc822")
                .body(raw.getBytes(StandardCharsets.UTF_8)).when().post("/api/inbound/mail");
    }
}
