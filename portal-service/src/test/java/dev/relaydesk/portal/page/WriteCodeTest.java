package dev.relaydesk.portal.page;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relaydesk.events.AccessCodeRequested;
import dev.relaydesk.events.EventJson;
import dev.relaydesk.events.EventType;
import dev.relaydesk.portal.link.TrustedBrowser;
import dev.relaydesk.portal.link.WriteCode;
import dev.relaydesk.portal.testing.TicketServiceProcess;
import dev.relaydesk.testsupport.KafkaEvents;
import dev.relaydesk.testsupport.KeycloakTokens;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A project that asks for a code before a browser writes through a link: the link reads anywhere, a post from a
 * browser without the code is refused with the text kept, the code comes through portal-service's outbox as an
 * event for notification-service, five wrong tries kill it, the right one trusts this browser (a cookie) and its
 * comment reaches the real ticket-service; another browser is still refused. Without the policy nothing is asked.
 */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
@WithTestResource(TicketServiceProcess.class)
class WriteCodeTest {

    private static final String COMMENT = "Only from <my> own browser, please";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    private final String admin = KeycloakTokens.accessToken("admin", "admin");

    @Test
    void aBrowserWritesOnlyAfterEnteringTheCodeMailedToTheClient() {
        String project = project();
        String email = "erin-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String ticketId = ticket(project, email, "Locked printer");
        String page = link(ticketId, email);
        String html = await().atMost(Duration.ofSeconds(60)).until(() -> given().get(page).asString(),
                body -> body.contains("Locked printer"));
        assertFalse(html.contains("Confirm this browser"), "no code is asked while the policy is off");

        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("expiryDays", 90, "writeCodeRequired", true))
                .put("/api/admin/projects/{key}/link-policy", project).then().statusCode(200)
                .body("writeCodeRequired", equalTo(true));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("expiryDays", 60))
                .put("/api/admin/projects/{key}/link-policy", project).then().statusCode(200)
                .body("expiryDays", equalTo(60)).body("writeCodeRequired", equalTo(true));

        // the link still reads; writing asks for the code, and the refused comment stays in the form
        html = given().get(page).then().statusCode(200).extract().asString();
        assertTrue(html.contains("To write from this browser, enter the code we email to <strong>e***@example.com</strong>"),
                html);
        String csrf = hidden(html, "csrf");
        post(given(), page + "/comments", Map.of("body", COMMENT, "csrf", csrf, "requestId", UUID.randomUUID().toString()))
                .then().statusCode(403)
                .body(containsString("Not sent yet"))
                .body(containsString("Only from &lt;my&gt; own browser, please</textarea>"))
                .body(containsString("Send me a code"));
        post(given(), page + "/close", Map.of("csrf", csrf, "requestId", UUID.randomUUID().toString()))
                .then().statusCode(403).body(containsString("Not sent yet"));
        post(given(), page + "/code", Map.of("csrf", "forged", "draft", COMMENT)).then().statusCode(403);

        // "Send me a code": the event asks notification-service for the mail, which fetches the code; asking again at
        // once is refused
        Instant asked = Instant.now();
        post(given().header("Accept-Language", "de-CH,de;q=0.9,en;q=0.5"), page + "/code",
                Map.of("csrf", csrf, "draft", COMMENT)).then().statusCode(200)
                .body(containsString("We emailed a code to e***@example.com. It is valid for 10 minutes."))
                .body(containsString("Only from &lt;my&gt; own browser, please</textarea>"))
                .body(containsString("name=\"code\""));
        AccessCodeRequested first = codeEvent(ticketId, null);
        assertEquals(email, first.clientEmail());
        assertEquals("de", first.language());
        String firstCode = issuedCode(first.requestId());
        assertTrue(firstCode.matches("\\d{6}"), firstCode);
        assertTrue(!first.expiresAt().isBefore(asked.plus(Duration.ofMinutes(10)).minusSeconds(5))
                && first.expiresAt().isBefore(Instant.now().plus(Duration.ofMinutes(10)).plusSeconds(5)));
        post(given(), page + "/code", Map.of("csrf", csrf)).then().statusCode(429)
                .body(containsString("We sent a code a moment ago"));

        // five wrong tries kill the code: even the right one no longer works
        String wrong = "%06d".formatted((Integer.parseInt(firstCode) + 1) % 1_000_000);
        for (int left = 4; left >= 1; left--) {
            post(given(), page + "/code/check", Map.of("csrf", csrf, "code", wrong, "draft", COMMENT))
                    .then().statusCode(400).body(containsString("That code is not right"))
                    .body(containsString("(" + left + (left == 1 ? " try" : " tries") + " left)"));
        }
        post(given(), page + "/code/check", Map.of("csrf", csrf, "code", wrong)).then().statusCode(400)
                .body(containsString("entered wrong too often"));
        post(given(), page + "/code/check", Map.of("csrf", csrf, "code", firstCode)).then().statusCode(400)
                .body(containsString("entered wrong too often"))
                .header("Set-Cookie", org.hamcrest.Matchers.nullValue());

        // a new code, once the resend interval has passed; the right one trusts this browser only
        ageCodes(Duration.ofMinutes(2));
        post(given(), page + "/code", Map.of("csrf", csrf, "draft", COMMENT)).then().statusCode(200);
        AccessCodeRequested second = codeEvent(ticketId, first.requestId());
        assertNotEquals(first.requestId(), second.requestId());
        String secondCode = issuedCode(second.requestId());
        given().post("/internal/access-codes/{id}", second.requestId()).then().statusCode(401);
        given().header("X-Relaydesk-Internal-Key", RelaydeskTestResource.INTERNAL_API_KEY)
                .post("/internal/access-codes/{id}", first.requestId()).then().statusCode(410)
                .contentType("application/problem+json");
        Response trusted = post(given(), page + "/code/check", Map.of("csrf", csrf, "code", " " + secondCode + " ",
                "draft", COMMENT));
        trusted.then().statusCode(200)
                .body(containsString("This browser is confirmed"))
                .body(not(containsString("Confirm this browser")))
                .body(containsString("Only from &lt;my&gt; own browser, please</textarea>"));
        String setCookie = trusted.getHeader("Set-Cookie");
        assertNotNull(setCookie);
        assertTrue(setCookie.startsWith("relaydesk-write="), setCookie);
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Lax")
                && setCookie.contains("Path=" + page) && !setCookie.contains("Secure"), setCookie);
        String cookie = trusted.getCookie("relaydesk-write");
        post(given().cookie("relaydesk-write", cookie), page + "/code/check", Map.of("csrf", csrf, "code", secondCode))
                .then().statusCode(303); // nothing left to confirm

        post(given().cookie("relaydesk-write", cookie), page + "/comments",
                Map.of("body", COMMENT, "csrf", csrf, "requestId", UUID.randomUUID().toString()))
                .then().statusCode(303).header("Location", containsString("?sent=comment"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertTrue(((List<?>) given().auth().oauth2(admin)
                .get(TicketServiceProcess.baseUrl + "/api/tickets/{id}", ticketId).then().statusCode(200)
                .extract().path("notes.body")).contains(COMMENT), "the comment reached ticket-service"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().cookie("relaydesk-write", cookie).get(page)
                .then().body(containsString("Only from &lt;my&gt; own browser, please</div>"))
                .body(not(containsString("Confirm this browser"))));

        // another browser (no cookie, or a made-up one) is still refused
        post(given(), page + "/comments", Map.of("body", "From elsewhere", "csrf", csrf)).then().statusCode(403)
                .body(containsString("From elsewhere</textarea>"));
        post(given().cookie("relaydesk-write", "A".repeat(43)), page + "/comments",
                Map.of("body", "From elsewhere", "csrf", csrf)).then().statusCode(403);

        // agents see the code's story in the access log, never the code
        String log = given().auth().oauth2(admin).get("/api/tickets/{id}/links", ticketId).then().statusCode(200)
                .extract().asString();
        for (String action : List.of("WRITE_REFUSED", "CODE_SENT", "CODE_REJECTED", "CODE_ACCEPTED", "COMMENT")) {
            assertTrue(log.contains("\"" + action + "\""), action + " in " + log);
        }
        assertFalse(log.contains(firstCode) || log.contains(secondCode), log);

        // revoking the link forgets the browsers it trusted
        given().auth().oauth2(admin).post("/api/tickets/{id}/links/revoke", ticketId).then().statusCode(200);
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> TrustedBrowser.count(
                "linkId in (select link.id from AccessLink link where link.ticketId = ?1)", UUID.fromString(ticketId))));
    }

    @Test
    void withoutThePolicyNoCodeIsAskedAndTheCommentGoesStraightThrough() {
        String project = project();
        String email = "free-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String ticketId = ticket(project, email, "Open printer");
        String page = link(ticketId, email);
        String html = await().atMost(Duration.ofSeconds(60)).until(() -> given().get(page).asString(),
                body -> body.contains("Open printer"));
        given().auth().oauth2(admin).get("/api/admin/projects/{key}/link-policy", project).then().statusCode(200)
                .body("writeCodeRequired", equalTo(false));
        assertFalse(html.contains("Confirm this browser") || html.contains("Send me a code"), html);

        post(given(), page + "/comments", Map.of("body", "No code needed here", "csrf", hidden(html, "csrf"),
                "requestId", UUID.randomUUID().toString())).then().statusCode(303);
        post(given(), page + "/code", Map.of("csrf", hidden(html, "csrf"))).then().statusCode(303);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertTrue(((List<?>) given().auth().oauth2(admin)
                .get(TicketServiceProcess.baseUrl + "/api/tickets/{id}", ticketId).then().statusCode(200)
                .extract().path("notes.body")).contains("No code needed here")));
    }

    /** Two clicks at once (or two replicas) send one code; the other is told a code is on its way. */
    @Test
    void twoRequestsAtOnceSendOneCode() throws Exception {
        String project = project();
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("expiryDays", 90, "writeCodeRequired", true))
                .put("/api/admin/projects/{key}/link-policy", project).then().statusCode(200);
        String email = "twice-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String ticketId = ticket(project, email, "Double click");
        String page = link(ticketId, email);
        String csrf = hidden(await().atMost(Duration.ofSeconds(60)).until(() -> given().get(page).asString(),
                body -> body.contains("Double click")), "csrf");

        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            Future<Integer> first = two.submit(() -> {
                start.await();
                return post(given(), page + "/code", Map.of("csrf", csrf)).statusCode();
            });
            Future<Integer> second = two.submit(() -> {
                start.await();
                return post(given(), page + "/code", Map.of("csrf", csrf)).statusCode();
            });
            start.countDown();
            assertEquals(List.of(200, 429), Stream.of(first.get(), second.get()).sorted().toList());
        } finally {
            two.shutdownNow();
        }
        codeEvent(ticketId, null);
        assertEquals(1L, KafkaEvents.records(kafka, EventType.ACCESS_CODE_REQUESTED.topic()).stream()
                .filter(record -> ticketId.equals(record.key())).count(), "one code mailed");
    }

    /** The code notification-service fetches for a request, to mail it. */
    private static String issuedCode(UUID requestId) {
        return given().header("X-Relaydesk-Internal-Key", RelaydeskTestResource.INTERNAL_API_KEY)
                .post("/internal/access-codes/{id}", requestId).then().statusCode(200).extract().path("code");
    }

    /** The mail notification-service is asked to send for this ticket (other than an earlier request's). */
    private AccessCodeRequested codeEvent(String ticketId, UUID not) {
        return EventJson.read(KafkaEvents.awaitRecord(kafka, EventType.ACCESS_CODE_REQUESTED.topic(),
                record -> ticketId.equals(record.key()) && (not == null
                        || !EventJson.read(record.value(), AccessCodeRequested.class).requestId().equals(not))).value(),
                AccessCodeRequested.class);
    }

    private String project() {
        String project = "WC" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("key", project, "name", "Write codes", "inboundAddress", project.toLowerCase() + "@relaydesk.test"))
                .post(TicketServiceProcess.baseUrl + "/api/admin/projects").then().statusCode(201);
        return project;
    }

    private static String ticket(String project, String email, String title) {
        return given().header("X-Relaydesk-Internal-Key", RelaydeskTestResource.INTERNAL_API_KEY)
                .contentType(ContentType.JSON)
                .body(Map.of("requestId", UUID.randomUUID().toString(), "source", "WEB_FORM", "clientEmail", email,
                        "project", project, "title", title, "description", "It needs a code."))
                .post(TicketServiceProcess.baseUrl + "/internal/tickets").then().statusCode(201).extract().path("id");
    }

    private static String link(String ticketId, String email) {
        String url = given().header("X-Relaydesk-Internal-Key", RelaydeskTestResource.INTERNAL_API_KEY)
                .contentType(ContentType.JSON).body(Map.of("clientEmail", email))
                .post("/internal/tickets/{id}/links", ticketId).then().statusCode(201).extract().path("url");
        return url.substring(url.indexOf("/t/"));
    }

    /** As if the codes had been asked for earlier (the resend interval is a minute). */
    private static void ageCodes(Duration age) {
        QuarkusTransaction.requiringNew().run(() -> WriteCode.getEntityManager()
                .createNativeQuery("update link_write_code set created_at = created_at - make_interval(secs => ?1)")
                .setParameter(1, (double) age.toSeconds()).executeUpdate());
    }

    private static Response post(RequestSpecification request, String path, Map<String, String> form) {
        return request.redirects().follow(false).formParams(new HashMap<>(form)).post(path);
    }

    private static String hidden(String html, String name) {
        Matcher matcher = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("no hidden field " + name);
        }
        return matcher.group(1);
    }
}
