package dev.relaydesk.portal.profile;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.relaydesk.events.EventType;
import dev.relaydesk.events.NoteAdded;
import dev.relaydesk.events.NoteAuthor;
import dev.relaydesk.events.TicketCreated;
import dev.relaydesk.events.TicketPriority;
import dev.relaydesk.events.TicketSnapshot;
import dev.relaydesk.events.TicketStatus;
import dev.relaydesk.events.TicketUpdated;
import dev.relaydesk.events.fixtures.EventFixtures;
import dev.relaydesk.testsupport.KafkaEvents;
import dev.relaydesk.testsupport.KeycloakTokens;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Admins brand a project's portal and choose the extra ticket details its clients see. */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
class PortalProfileTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "relaydesk.internal.api-key")
    String internalKey;

    private final String admin = KeycloakTokens.accessToken("admin", "admin");
    private final String project = "P" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));

    @Test
    void aBrandedProjectsLinkPageShowsItsLogoLinkAndTheDetailsItChose() {
        byte[] logo = png(120, 40);
        putProfile(Map.of("linkUrl", "https://example.com/home", "showPriority", true, "showType", false))
                .then().statusCode(200).body("logoUrl", nullValue());
        given().auth().oauth2(admin).contentType("image/png").body(logo)
                .put("/api/admin/portal-profiles/{key}/logo", project)
                .then().statusCode(200).body("logoUrl", equalTo("/brand/" + project + "/logo"));
        TicketCreated ticket = ticket(TicketPriority.HIGH);
        KafkaEvents.publish(kafka, ticket, UUID.randomUUID().toString());
        String path = pathOf(mint(ticket));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(path).then().statusCode(200)
                .body(containsString("<a href=\"https://example.com/home\" rel=\"noopener\"><img class=\"company-logo\" src=\"/brand/" + project + "/logo"))
                .body(containsString("data-detail=\"priority\">High<"))
                .body(not(containsString("data-detail=\"type\""))));
        byte[] served = given().get("/brand/{key}/logo", project).then().statusCode(200)
                .contentType("image/png").header("X-Content-Type-Options", "nosniff")
                .extract().asByteArray();
        assertArrayEquals(logo, served);

        // an agent raises the priority; a later note (which carries no priority) must not wipe it
        KafkaEvents.publish(kafka, updated(ticket, 2, TicketPriority.URGENT), UUID.randomUUID().toString());
        KafkaEvents.publish(kafka, note(ticket, 3), UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(path).then()
                .body(containsString("data-detail=\"priority\">Urgent<")));
        KafkaEvents.awaitConsumed(kafka, "portal-service", EventType.NOTE_ADDED.topic());
        given().get(path).then().body(containsString("data-detail=\"priority\">Urgent<"));
    }

    @Test
    void aProjectWithoutAProfileLooksPlain() {
        TicketCreated ticket = ticket(TicketPriority.HIGH);
        KafkaEvents.publish(kafka, ticket, UUID.randomUUID().toString());
        String path = pathOf(mint(ticket));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(path).then().statusCode(200)
                .body(containsString("<span class=\"logo\">Relay Desk</span>"))
                .body(not(containsString("company-logo")))
                .body(not(containsString("data-detail"))));
        given().get("/brand/{key}/logo", project).then().statusCode(404);
    }

    @Test
    void logosMustBeSmallPngOrJpegImages() {
        byte[] tooBig = Arrays.copyOf(png(10, 10), 25 * 1024);
        given().auth().oauth2(admin).contentType("image/png").body(tooBig)
                .put("/api/admin/portal-profiles/{key}/logo", project)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("logo"))
                .body("errors[0].message", containsString("at most 20 KB"));
        byte[] gif = "GIF89a\u0001\u0000\u0001\u0000".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        given().auth().oauth2(admin).contentType("image/png").body(gif)
                .put("/api/admin/portal-profiles/{key}/logo", project)
                .then().statusCode(400).body("errors[0].message", containsString("PNG or JPEG"));
        given().auth().oauth2(admin).get("/api/admin/portal-profiles/{key}", project)
                .then().statusCode(200).body("logoUrl", nullValue());
        given().get("/brand/{key}/logo", project).then().statusCode(404);
    }

    @Test
    void theLogoLinkMustBeAWebAddressAndOnlyAdminsEditProfiles() {
        putProfile(Map.of("linkUrl", "javascript:alert(1)")).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("linkUrl"));
        given().auth().oauth2(KeycloakTokens.accessToken("agent", "agent")).contentType(ContentType.JSON)
                .body(Map.of("showPriority", true)).put("/api/admin/portal-profiles/{key}", project)
                .then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("showPriority", true))
                .put("/api/admin/portal-profiles/{key}", project).then().statusCode(401);
    }

    /** The forms' (and the link page's edit form's) custom fields are named by their keys; the list is kept in the admin's order, without repeats. */
    @Test
    void aProfileMarksWhichCustomFieldsTheFormsOffer() {
        putProfile(Map.of("visibleCustomFields", List.of("customerId", "bad key!"))).then().statusCode(400)
                .contentType("application/problem+json");
        putProfile(Map.of("visibleCustomFields", List.of("plan", "customerId", "plan"))).then().statusCode(200)
                .body("visibleCustomFields", equalTo(List.of("plan", "customerId")));
        given().auth().oauth2(admin).get("/api/admin/portal-profiles/{key}", project).then().statusCode(200)
                .body("visibleCustomFields", equalTo(List.of("plan", "customerId")));
        putProfile(Map.of("showType", true)).then().statusCode(200).body("visibleCustomFields", equalTo(List.of()))
                .body("editPriority", equalTo(false)).body("editableCustomFields", equalTo(List.of()));
        putProfile(Map.of("editableCustomFields", List.of("<script>"))).then().statusCode(400);
        putProfile(Map.of("editPriority", true, "editType", true, "editableCustomFields", List.of("plan"))).then()
                .statusCode(200).body("editPriority", equalTo(true)).body("editType", equalTo(true))
                .body("editableCustomFields", equalTo(List.of("plan")));
    }

    /**
     * Which ticket types clients choose (by name, each once whatever its case) and whether they may follow the
     * project; bad input is a problem naming the field; only admins see who follows.
     */
    @Test
    void aProfileSaysWhichTicketTypesClientsChooseAndWhetherTheyMayFollow() {
        putProfile(Map.of("clientTicketTypes", List.of("Question", " "))).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("clientTicketTypes[1]"))
                .body("errors[0].message", containsString("ticket type"));
        putProfile(Map.of("clientTicketTypes", List.of("x".repeat(61)))).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("clientTicketTypes[0]"));
        putProfile(Map.of("followable", "maybe")).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", containsString("followable"));
        given().auth().oauth2(admin).get("/api/admin/portal-profiles/{key}", project).then().statusCode(200)
                .body("followable", equalTo(false)).body("clientTicketTypes", equalTo(List.of()));

        putProfile(Map.of("followable", true, "clientTicketTypes", List.of("Question", " Incident ", "QUESTION")))
                .then().statusCode(200).body("followable", equalTo(true))
                .body("clientTicketTypes", equalTo(List.of("Question", "Incident")));
        given().auth().oauth2(admin).get("/api/admin/portal-profiles/{key}", project).then().statusCode(200)
                .body("followable", equalTo(true)).body("clientTicketTypes", equalTo(List.of("Question", "Incident")));

        given().auth().oauth2(admin).get("/api/admin/portal-profiles/{key}/followers", project).then()
                .statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(admin).get("/api/admin/portal-profiles/{key}/followers", "1bad").then()
                .statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(KeycloakTokens.accessToken("agent", "agent"))
                .get("/api/admin/portal-profiles/{key}/followers", project).then().statusCode(403);
        // the rest of the profile's API is still there beside the followers
        given().auth().oauth2(admin).get("/api/admin/portal-profiles/{key}", project).then().statusCode(200);
    }

    @Test
    void aProfileIsClonedToStartAnotherProjectsButNeverOverwritesOne() {
        String other = "Q" + project.substring(1);
        putProfile(Map.of("welcomeText", "Welcome to ACME support", "showType", true,
                "visibleCustomFields", List.of("customerId"))).then().statusCode(200);
        given().auth().oauth2(admin).contentType("image/jpeg").body(jpeg())
                .put("/api/admin/portal-profiles/{key}/logo", project).then().statusCode(200);

        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("to", other))
                .post("/api/admin/portal-profiles/{key}/clone", project)
                .then().statusCode(201).body("projectKey", equalTo(other))
                .body("welcomeText", equalTo("Welcome to ACME support")).body("showType", equalTo(true))
                .body("visibleCustomFields", equalTo(List.of("customerId")))
                .body("logoUrl", startsWith("/brand/" + other));
        given().get("/brand/{key}/logo", other).then().statusCode(200).contentType("image/jpeg");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("to", other))
                .post("/api/admin/portal-profiles/{key}/clone", project)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("already has a portal profile"));
    }

    private io.restassured.response.Response putProfile(Map<String, Object> profile) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(profile)
                .put("/api/admin/portal-profiles/{key}", project);
    }

    private TicketCreated ticket(TicketPriority priority) {
        TicketCreated golden = EventFixtures.event(EventType.TICKET_CREATED);
        UUID id = UUID.randomUUID();
        return new TicketCreated(id, 1, project + "-" + Math.abs(id.hashCode() % 100000), project,
                golden.projectName(), golden.projectAddress(), "Branded " + id, "Details", golden.clientEmail(),
                golden.clientName(), TicketStatus.OPEN, golden.stage(), golden.source(), golden.threadMessageId(),
                golden.createdAt(), "Printer problems", priority, null);
    }

    private static TicketUpdated updated(TicketCreated ticket, long version, TicketPriority priority) {
        return new TicketUpdated(new TicketSnapshot(ticket.ticketId(), ticket.number(), ticket.projectKey(),
                ticket.projectName(), ticket.projectAddress(), ticket.type(), ticket.title(), ticket.clientEmail(),
                ticket.clientName(), TicketStatus.OPEN, "New", ticket.threadMessageId(), priority, null, List.of()),
                version, List.of(), "agent", ticket.createdAt().plusSeconds(version));
    }

    private static NoteAdded note(TicketCreated ticket, long version) {
        return new NoteAdded(ticket.ticketId(), version, UUID.randomUUID(), ticket.number(), ticket.projectKey(),
                ticket.projectAddress(), ticket.title(), ticket.clientEmail(), ticket.clientName(), TicketStatus.OPEN,
                NoteAuthor.AGENT, "Alex", "We are on it.", true, true, ticket.threadMessageId(),
                ticket.createdAt().plusSeconds(version));
    }

    private String mint(TicketCreated ticket) {
        return given().header("X-Relaydesk-Internal-Key", internalKey).contentType(ContentType.JSON)
                .body("{\"clientEmail\":\"" + ticket.clientEmail() + "\"}")
                .post("/internal/tickets/{id}/links", ticket.ticketId())
                .then().statusCode(201).extract().path("url");
    }

    private static String pathOf(String url) {
        return url.substring(url.indexOf("/t/"));
    }

    private static byte[] png(int width, int height) {
        return image(width, height, "png");
    }

    private static byte[] jpeg() {
        return image(60, 20, "jpg");
    }

    private static byte[] image(int width, int height, String format) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(new Color(0x1f, 0x6f, 0xeb));
        graphics.fillRect(0, 0, width, height);
        graphics.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
