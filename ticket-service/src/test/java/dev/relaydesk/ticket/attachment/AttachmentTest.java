package dev.relaydesk.ticket.attachment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relaydesk.events.AttachmentRef;
import dev.relaydesk.events.EventJson;
import dev.relaydesk.events.EventType;
import dev.relaydesk.events.NoteAdded;
import dev.relaydesk.testsupport.KafkaEvents;
import dev.relaydesk.testsupport.KeycloakTokens;
import dev.relaydesk.testsupport.RelaydeskTestResource;
import dev.relaydesk.ticket.TestProjects;
import dev.relaydesk.ticket.WebLogin;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Agents and clients attach files to notes; each sees only the files they may, as downloads that cannot run. */
@QuarkusTest
@WithTestResource(RelaydeskTestResource.class)
class AttachmentTest {

    private static final byte[] PHOTO = "not really a jpeg, but bytes are bytes \u00e9".getBytes(StandardCharsets.UTF_8);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "relaydesk.internal.api-key")
    String internalKey;

    @Inject
    Attachments attachments;

    @TestHTTPResource("/")
    URL root;

    private final String admin = KeycloakTokens.accessToken("admin", "admin");
    private final String agent = KeycloakTokens.accessToken("agent", "agent");
    private String project;
    private String client;
    private String ticket;

    @BeforeEach
    void aTicket() {
        project = TestProjects.create(admin, "AT");
        client = "att-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        ticket = TestProjects.openTicket(agent, project, Map.of("clientEmail", client));
    }

    @Test
    void anAgentsNoteCarriesAnUploadedFileThatDownloadsIntactAndCannotRunAsAPage() {
        String file = upload(ticket, "C:\\fakepath\\report;1.jpg", "image/jpeg", PHOTO)
                .then().statusCode(201)
                .header("Location", containsString("/api/tickets/" + ticket + "/attachments/"))
                .body("filename", equalTo("report_1.jpg"))
                .body("size", equalTo(PHOTO.length))
                .body("noteId", equalTo(null))
                .extract().path("id");

        String note = given().auth().oauth2(agent).contentType(ContentType.JSON)
                .body(Map.of("body", "Here is the photo", "attachmentIds", List.of(file)))
                .post("/api/tickets/{id}/notes", ticket).then().statusCode(201)
                .body("attachments.filename", contains("report_1.jpg"))
                .extract().path("id");

        given().auth().oauth2(agent).get("/api/tickets/{id}", ticket).then().statusCode(200)
                .body("notes.find { it.id == '" + note + "' }.attachments[0].id", equalTo(file));
        Response download = given().auth().oauth2(agent).get("/api/tickets/{id}/attachments/{file}", ticket, file);
        download.then().statusCode(200).contentType("image/jpeg")
                .header("Content-Disposition", equalTo("attachment; filename*=UTF-8''report_1.jpg"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", containsString("sandbox"));
        assertArrayEquals(PHOTO, download.asByteArray());

        NoteAdded added = EventJson.read(KafkaEvents.awaitRecord(kafka, EventType.NOTE_ADDED.topic(),
                record -> record.value().contains(note)).value(), NoteAdded.class);
        assertEquals(List.of(new AttachmentRef(UUID.fromString(file), "report_1.jpg", "image/jpeg", PHOTO.length)),
                added.attachments());
    }

    @Test
    void aFileAlreadyOnANoteOrFromAnotherTicketIsRefusedAndNoNoteIsWritten() {
        String file = upload(ticket, "log.txt", "text/plain", PHOTO).then().statusCode(201).extract().path("id");
        given().auth().oauth2(agent).contentType(ContentType.JSON)
                .body(Map.of("body", "first", "attachmentIds", List.of(file)))
                .post("/api/tickets/{id}/notes", ticket).then().statusCode(201);
        String other = TestProjects.openTicket(agent, project, Map.of());

        given().auth().oauth2(agent).contentType(ContentType.JSON)
                .body(Map.of("body", "again", "attachmentIds", List.of(file)))
                .post("/api/tickets/{id}/notes", ticket).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("attachmentIds"));
        given().auth().oauth2(agent).contentType(ContentType.JSON)
                .body(Map.of("body", "elsewhere", "attachmentIds", List.of(file)))
                .post("/api/tickets/{id}/notes", other).then().statusCode(400)
                .body("errors[0].field", equalTo("attachmentIds"));

        given().auth().oauth2(agent).get("/api/tickets/{id}", ticket).then().body("notes.body", contains("first"));
        given().auth().oauth2(agent).get("/api/tickets/{id}", other).then().body("notes", empty());
    }

    @Test
    void emptyAndOversizedFilesGetAClearAnswer() {
        upload(ticket, "empty.txt", "text/plain", new byte[0]).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("file"));
        upload(ticket, "huge.bin", "application/octet-stream", new byte[(int) attachments.maxBytes() + 1])
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("at most 10.0 MB"));

        given().auth().oauth2(agent).get("/api/tickets/{id}/attachments", ticket).then().body("$", empty());
    }

    @Test
    void anAgentWithoutTheTypeCannotUploadListOrDownload() {
        String file = upload(ticket, "a.txt", "text/plain", PHOTO).then().statusCode(201).extract().path("id");
        TestProjects.allowAgents(admin, project, "General", List.of());

        upload(ticket, "b.txt", "text/plain", PHOTO).then().statusCode(404);
        given().auth().oauth2(agent).get("/api/tickets/{id}/attachments", ticket).then().statusCode(404);
        given().auth().oauth2(agent).get("/api/tickets/{id}/attachments/{file}", ticket, file).then().statusCode(404);
        given().auth().oauth2(admin).get("/api/tickets/{id}/attachments/{file}", ticket, file).then().statusCode(200);
    }

    @Test
    void aClientSendsAFileWithACommentAndSeesPublicFilesButNeverPrivateOnes() {
        String own = given().header("X-Relaydesk-Internal-Key", internalKey)
                .multiPart("clientEmail", client).multiPart("file", "screenshot.png", PHOTO, "image/png")
                .post("/internal/tickets/{id}/client/attachments", ticket).then().statusCode(201)
                .body("uploadedBy", equalTo(client)).extract().path("id");
        given().header("X-Relaydesk-Internal-Key", internalKey).contentType(ContentType.JSON)
                .body(Map.of("requestId", UUID.randomUUID(), "clientEmail", client, "body", "See the screenshot",
                        "attachmentIds", List.of(own)))
                .post("/internal/tickets/{id}/client/notes", ticket).then().statusCode(200);
        String internalOnly = upload(ticket, "internal.txt", "text/plain", PHOTO).then().extract().path("id");
        given().auth().oauth2(agent).contentType(ContentType.JSON)
                .body(Map.of("body", "for agents", "publicNote", false, "attachmentIds", List.of(internalOnly)))
                .post("/api/tickets/{id}/notes", ticket).then().statusCode(201);

        clientDownload(ticket, own, client).then().statusCode(200).contentType("image/png");
        clientDownload(ticket, internalOnly, client).then().statusCode(404);
        clientDownload(ticket, own, "someone.else@example.com").then().statusCode(404);
        given().auth().oauth2(agent).get("/api/tickets/{id}", ticket).then()
                .body("notes.find { it.authorType == 'CLIENT' }.attachments.filename", contains("screenshot.png"));
        given().multiPart("clientEmail", client).multiPart("file", "x.png", PHOTO, "image/png")
                .post("/internal/tickets/{id}/client/attachments", ticket).then().statusCode(401);
    }

    @Test
    void anUploadNoNoteTookIsRemovedAfterADay() {
        String kept = upload(ticket, "kept.txt", "text/plain", PHOTO).then().extract().path("id");
        given().auth().oauth2(agent).contentType(ContentType.JSON)
                .body(Map.of("body", "keeps it", "attachmentIds", List.of(kept)))
                .post("/api/tickets/{id}/notes", ticket).then().statusCode(201);
        String abandoned = upload(ticket, "draft.txt", "text/plain", PHOTO).then().extract().path("id");
        String recent = upload(ticket, "recent.txt", "text/plain", PHOTO).then().extract().path("id");
        QuarkusTransaction.requiringNew().run(() -> Attachment.update("createdAt = ?1 where id in ?2",
                Instant.now().minus(Attachments.UNCLAIMED_FOR).minusSeconds(60),
                List.of(UUID.fromString(kept), UUID.fromString(abandoned))));

        attachments.removeUnclaimed();

        given().auth().oauth2(agent).get("/api/tickets/{id}/attachments", ticket).then()
                .body("$", hasSize(2)).body("filename", contains("kept.txt", "recent.txt"));
    }

    @Test
    void theTicketPageLinksTheFileAndDownloadsItOverTheWebSession() throws Exception {
        String file = upload(ticket, "Q&A notes.pdf", "application/pdf", PHOTO).then().extract().path("id");
        given().auth().oauth2(agent).contentType(ContentType.JSON)
                .body(Map.of("body", "The scan", "attachmentIds", List.of(file)))
                .post("/api/tickets/{id}/notes", ticket).then().statusCode(201);
        HttpClient session = WebLogin.logIn("http://127.0.0.1:" + root.getPort(), "agent", "agent");

        String page = webGet(session, "/ui/tickets/" + ticket, HttpResponse.BodyHandlers.ofString()).body();
        HttpResponse<byte[]> download = webGet(session, "/ui/attachments/" + file, HttpResponse.BodyHandlers.ofByteArray());

        assertTrue(page.contains("<a href=\"/ui/attachments/" + file + "\" download>Q&amp;A notes.pdf</a>"), page);
        assertEquals(200, download.statusCode());
        assertArrayEquals(PHOTO, download.body());
        TestProjects.allowAgents(admin, project, "General", List.of());
        assertEquals(404, webGet(session, "/ui/attachments/" + file, HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    private <T> HttpResponse<T> webGet(HttpClient session, String path, HttpResponse.BodyHandler<T> body)
            throws Exception {
        return session.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + root.getPort() + path)).build(), body);
    }

    private Response upload(String ticketId, String name, String type, byte[] bytes) {
        return given().auth().oauth2(agent).multiPart("file", name, bytes, type)
                .post("/api/tickets/{id}/attachments", ticketId);
    }

    private Response clientDownload(String ticketId, String file, String email) {
        return given().header("X-Relaydesk-Internal-Key", internalKey).queryParam("clientEmail", email)
                .get("/internal/tickets/{id}/client/attachments/{file}", ticketId, file);
    }
}
