package dev.relaydesk.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relaydesk.localstack.postgres.Postgres;
import dev.relaydesk.localstack.testing.SharedTestStack;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Proves each shared test server really works (uses the Kafka client from the provided broker jars). */
class SharedTestStackTest {

    static Endpoints endpoints;

    @BeforeAll
    static void infra() {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING); // Kafka clients are chatty
        long t = System.nanoTime();
        endpoints = SharedTestStack.ensureInfra();
        System.out.printf("ensureInfra took %.1f s%n", (System.nanoTime() - t) / 1e9);
    }

    @Test
    void theSharedServersLiveAsLongAsTheMavenJvm() throws Exception {
        Properties ready = new Properties();
        try (var in = java.nio.file.Files.newInputStream(RepoRoot.find().resolve("target/test-stack/ready.properties"))) {
            ready.load(in);
        }
        ProcessHandle owner = ProcessHandle.of(Long.parseLong(ready.getProperty("owner.pid"))).orElseThrow();
        String command = owner.info().commandLine().orElse("");
        assertTrue(command.contains("org.codehaus.plexus.classworlds"), "owner is not the Maven JVM: " + command);
        assertTrue(ProcessHandle.current().parent().map(p -> p.pid() == owner.pid()
                || p.parent().map(g -> g.pid() == owner.pid()).orElse(false)).orElse(false));
    }

    @Test
    void kafkaProducesAndConsumes() throws Exception {
        String topic = "smoke-" + UUID.randomUUID();
        Properties p = new Properties();
        p.put("bootstrap.servers", endpoints.kafkaBootstrap());
        p.put("acks", "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "ticket-1", "hello")).get();
        }
        Properties c = new Properties();
        c.put("bootstrap.servers", endpoints.kafkaBootstrap());
        c.put("group.id", "smoke-" + UUID.randomUUID());
        c.put("auto.offset.reset", "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    assertEquals("ticket-1", r.key());
                    assertEquals("hello", r.value());
                    return;
                }
            }
        }
        throw new AssertionError("no record consumed from " + topic);
    }

    @Test
    void keycloakIssuesTokensWithRealmRoles() throws Exception {
        String form = "grant_type=password&client_id=relaydesk-cli&username=agent&password=agent";
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(endpoints.tokenUrl()))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        Matcher token = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        assertTrue(token.find());
        String payload = new String(Base64.getUrlDecoder().decode(token.group(1).split("\\.")[1]), StandardCharsets.UTF_8);
        Matcher roles = Pattern.compile("\"realm_access\"\\s*:\\s*\\{\\s*\"roles\"\\s*:\\s*\\[([^\\]]*)\\]").matcher(payload);
        assertTrue(roles.find(), payload);
        assertTrue(roles.group(1).contains("\"agent\""), roles.group(1));
        assertTrue(payload.contains("\"iss\":\"" + endpoints.realmUrl() + "\""), payload);
    }

    @Test
    void mailGoesOutBySmtpAndIsReadByImapWithAddressAsPassword() throws Exception {
        String address = "smoke-" + UUID.randomUUID().toString().substring(0, 8) + "@relaydesk.test";
        String subject = "Smoke " + UUID.randomUUID();
        Properties props = new Properties();
        props.put("mail.smtp.host", endpoints.mailHost());
        props.put("mail.smtp.port", String.valueOf(endpoints.smtpPort()));
        Session session = Session.getInstance(props);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("support@relaydesk.test"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(address));
        message.setSubject(subject);
        message.setText("It works.");
        Transport.send(message);

        Store store = session.getStore("imap");
        store.connect(endpoints.mailHost(), endpoints.imapPort(), address, address);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message[] messages = inbox.getMessages();
            assertEquals(1, messages.length);
            assertEquals(subject, messages[0].getSubject());
            inbox.close(false);
        } finally {
            store.close();
        }
    }

    @Test
    void postgresGivesAFreshDatabase() throws Exception {
        String db = "rd_test_localstack_" + System.currentTimeMillis();
        Postgres.createDatabase(db);
        try (Connection c = DriverManager.getConnection(endpoints.jdbcUrl(db), endpoints.pgUser(), endpoints.pgPassword());
                ResultSet rs = c.createStatement().executeQuery("select current_database()")) {
            assertTrue(rs.next());
            assertEquals(db, rs.getString(1));
        } finally {
            Postgres.dropDatabase(db);
        }
    }
}
