import dev.relaydesk.events.EventJson;
import dev.relaydesk.events.EventType;
import dev.relaydesk.events.TicketCreated;
import dev.relaydesk.events.TicketPriority;
import dev.relaydesk.events.TicketSource;
import dev.relaydesk.events.TicketStatus;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The notification benchmark's publisher and mailbox checker, one source file (run with notification-service's
 * classpath, which holds the events module, the Kafka client and Angus Mail):
 * <pre>
 *   java -cp CP bench/notifications/NotificationBench.java publish BOOTSTRAP RUN COUNT RATE OUT
 *   java -cp CP bench/notifications/NotificationBench.java verify  IMAP_HOST IMAP_PORT OUT
 * </pre>
 * {@code publish} sends COUNT {@code TicketCreated} events, each a ticket of its own whose client is
 * client-i@RUN.notify.bench, at RATE events per second (0: as fast as the producer goes), and writes one line per
 * event to OUT: ticket id, client address, ticket number, and the instant just before the record was handed to the
 * producer (this JVM's clock, microseconds since the epoch). The record is what ticket-service's outbox relay
 * writes: the event record serialized by {@link EventJson}, the ticket id as key, binary-mode CloudEvent headers.
 * {@code verify} logs in to every client's mailbox (address as login and password) and counts those holding the
 * confirmation: a mail whose subject names the ticket number and whose text carries a portal link.
 */
public class NotificationBench {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "publish" -> publish(args[1], args[2], Integer.parseInt(args[3]), Double.parseDouble(args[4]),
                    Path.of(args[5]));
            case "verify" -> verify(args[1], Integer.parseInt(args[2]), Path.of(args[3]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    /** A client's ticket as ticket-service announces one it opened from the client's mail. */
    static TicketCreated ticket(UUID id, String run, int i, Instant now) {
        String domain = run + ".notify.bench";
        return new TicketCreated(id, 0, "SUP-" + run + "-" + i, "SUP", "Support", "support@relaydesk.test",
                "Printer on floor " + (i % 7 + 1) + " prints blank pages (" + i + ")",
                "Good morning,\nsince yesterday the printer on our floor prints only blank pages.\nClient " + i,
                "client-" + i + "@" + domain, "Client " + i, TicketStatus.OPEN, "New", TicketSource.EMAIL,
                "new-" + i + "@" + domain, now, "General", TicketPriority.NORMAL, null,
                // agents hear of new tickets only where the type asks for it: here nobody, so only the client is mailed
                List.of(), Map.of(), null);
    }

    static void publish(String bootstrap, String run, int count, double rate, Path out) throws Exception {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("acks", "all");
        props.put("linger.ms", rate > 0 ? "0" : "5"); // paced: each record leaves at once; a burst: batches
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
                PrintWriter lines = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            producer.partitionsFor(EventType.TICKET_CREATED.topic()); // metadata first, not inside the first send
            List<Future<RecordMetadata>> acks = new ArrayList<>(count);
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                if (rate > 0) {
                    long due = start + (long) (i * 1e9 / rate);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                }
                UUID id = UUID.randomUUID();
                Instant now = Instant.now();
                TicketCreated event = ticket(id, run, i, now);
                ProducerRecord<String, String> record = new ProducerRecord<>(EventType.TICKET_CREATED.topic(),
                        id.toString(), EventJson.write(event));
                header(record, "ce_specversion", "1.0");
                header(record, "ce_id", UUID.randomUUID().toString());
                header(record, "ce_type", EventType.TICKET_CREATED.cloudEventType());
                header(record, "ce_source", "/relaydesk/ticket-service");
                header(record, "ce_time", now.toString());
                header(record, "content-type", "application/json");
                acks.add(producer.send(record));
                lines.printf("%s,%s,%s,%d%n", id, event.clientEmail(), event.number(),
                        ChronoUnit.MICROS.between(Instant.EPOCH, now));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
            System.out.printf("%d %.3f%n", count, (System.nanoTime() - start) / 1e9);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Prints how many clients of OUT hold their confirmation, and the first few who do not. */
    static void verify(String host, int port, Path out) throws Exception {
        List<String[]> events = Files.readAllLines(out).stream().map(line -> line.split(",")).toList();
        Properties props = new Properties();
        props.put("mail.imap.host", host);
        props.put("mail.imap.port", String.valueOf(port));
        props.put("mail.imap.connectiontimeout", "5000");
        props.put("mail.imap.timeout", "10000");
        Session session = Session.getInstance(props);
        AtomicInteger confirmed = new AtomicInteger();
        List<String> missing = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (String[] event : events) {
            done.add(pool.submit(() -> {
                String client = event[1];
                String number = event[2];
                try (Store store = session.getStore("imap")) {
                    store.connect(client, client);
                    Folder inbox = store.getFolder("INBOX");
                    inbox.open(Folder.READ_ONLY);
                    boolean found = false;
                    for (Message mail : inbox.getMessages()) {
                        if (mail.getSubject() != null && mail.getSubject().contains(number) && text(mail).contains("/t/")) {
                            found = true;
                        }
                    }
                    inbox.close(false);
                    if (found) {
                        confirmed.incrementAndGet();
                    } else {
                        missing.add(client);
                    }
                } catch (Exception e) {
                    missing.add(client + " (" + e.getMessage() + ")");
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        System.out.printf("%d %d %s%n", confirmed.get(), events.size(),
                String.join(" ", missing.subList(0, Math.min(5, missing.size()))));
    }

    private static String text(Message mail) throws Exception {
        Object content = mail.getContent();
        if (content instanceof Multipart parts) {
            StringBuilder text = new StringBuilder();
            for (int p = 0; p < parts.getCount(); p++) {
                text.append(parts.getBodyPart(p).getContent());
            }
            return text.toString();
        }
        return String.valueOf(content);
    }
}
