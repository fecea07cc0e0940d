import dev.relaydesk.mailingest.parse.MailParser;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The mail benchmark's sender and parser, one source file (run with mail-ingest-service's classpath):
 * <pre>
 *   java -cp CP bench/mail/MailBench.java send  HOST PORT RUN KIND N SENDERS   SMTP-delivers N mails, prints seconds
 *   java -cp CP bench/mail/MailBench.java parse RUN KIND N                     parses the same N mails, prints mails/s
 * </pre>
 * KIND is {@code new} (mail i opens a ticket: Message-ID new-i@RUN.mail.bench, from client-i@RUN.mail.bench) or
 * {@code reply} (the client's answer to new mail i: In-Reply-To and References name it, quoted history below).
 * Every client sends one new mail and one reply, far below the sender burst limit.
 */
public class MailBench {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "send" -> send(args[1], Integer.parseInt(args[2]), args[3], args[4], Integer.parseInt(args[5]),
                    Integer.parseInt(args[6]));
            case "parse" -> parse(args[1], args[2], Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    /** A mail of the shape clients send: text and HTML alternatives, quoted-printable, ~2.5 KB. */
    static byte[] mail(String run, String kind, int i) {
        String domain = run + ".mail.bench";
        String client = "client-" + i + "@" + domain;
        boolean reply = kind.equals("reply");
        String subject = (reply ? "Re: " : "") + "Printer on floor " + (i % 7 + 1) + " prints blank pages (" + i + ")";
        String text = reply
                ? "Hello,\n\nit happened again this morning, even after the restart. The queue shows job " + i
                        + " as printed.\n\nBest regards\nClient " + i + "\n\nOn Mon, 1 Dec 2026 at 09:00, Client " + i
                        + " <" + client + "> wrote:\n> Good morning,\n>\n> since yesterday the printer on our floor"
                        + " prints blank pages.\n> We already replaced the toner.\n>\n> Thanks\n"
                : "Good morning,\n\nsince yesterday the printer on floor " + (i % 7 + 1) + " prints only blank pages."
                        + " We replaced the toner and restarted it twice; the test page is blank too. Could someone"
                        + " have a look? Order reference ORD-" + (100000 + i) + ".\n\nThanks a lot\nClient " + i
                        + "\n-- \nExample Corp, Facilities\n+49 30 1234567\n";
        String html = "<html><body><div dir=\"ltr\">" + text.replace("&", "&amp;").replace("<", "&lt;")
                .replace(">", "&gt;").replace("\n", "<br>\n") + "</div></body></html>";
        StringBuilder m = new StringBuilder();
        m.append("Return-Path: <").append(client).append(">\n");
        m.append("Received: from mail.").append(domain).append(" (mail.").append(domain)
                .append(" [192.0.2.10]) by mx.relaydesk.test with ESMTPS; Mon, 1 Dec 2026 09:1").append(i % 10)
                .append(":00 +0100\n");
        m.append("From: Client ").append(i).append(" <").append(client).append(">\n");
        m.append("To: Support <support@relaydesk.test>\n");
        m.append("Subject: ").append(subject).append('\n');
        m.append("Date: Mon, 1 Dec 2026 09:1").append(i % 10).append(":00 +0100\n");
        m.append("Message-ID: <").append(kind).append('-').append(i).append('@').append(domain).append(">\n");
        if (reply) {
            m.append("In-Reply-To: <new-").append(i).append('@').append(domain).append(">\n");
            m.append("References: <new-").append(i).append('@').append(domain).append(">\n");
        }
        m.append("MIME-Version: 1.0\n");
        m.append("User-Agent: Mozilla/5.0 Thunderbird/128.5.0\n");
        m.append("Content-Type: multipart/alternative; boundary=\"b-").append(i).append("\"\n\n");
        m.append("--b-").append(i).append("\nContent-Type: text/plain; charset=UTF-8; format=flowed\n")
                .append("Content-Transfer-Encoding: quoted-printable\n\n").append(qp(text)).append('\n');
        m.append("--b-").append(i).append("\nContent-Type: text/html; charset=UTF-8\n")
                .append("Content-Transfer-Encoding: quoted-printable\n\n").append(qp(html)).append('\n');
        m.append("--b-").append(i).append("--\n");
        return m.toString().replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Quoted-printable with soft line breaks (all bench text is ASCII; '=' is escaped). */
    private static String qp(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.replace("=", "=3D").split("\n", -1)) {
            while (line.length() > 75) {
                out.append(line, 0, 75).append("=\n");
                line = line.substring(75);
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    /** N mails over SENDERS connections at once, each message in its own transaction (MAIL, RCPT, DATA). */
    static void send(String host, int port, String run, String kind, int count, int senders) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        long start = System.nanoTime();
        List<Future<Integer>> done = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            done.add(pool.submit(() -> {
                int sent = 0;
                try (Socket socket = new Socket(host, port)) {
                    socket.setTcpNoDelay(true);
                    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                            StandardCharsets.US_ASCII));
                    OutputStream out = socket.getOutputStream();
                    expect(in, 220);
                    command(out, in, "EHLO bench.example", 250);
                    for (int i; (i = next.getAndIncrement()) < count; sent++) {
                        command(out, in, "MAIL FROM:<client-" + i + "@" + run + ".mail.bench>", 250);
                        command(out, in, "RCPT TO:<support@relaydesk.test>", 250);
                        command(out, in, "DATA", 354);
                        out.write(dotStuffed(mail(run, kind, i)));
                        command(out, in, ".", 250);
                    }
                    command(out, in, "QUIT", 221);
                }
                return sent;
            }));
        }
        int sent = 0;
        for (Future<Integer> f : done) {
            sent += f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%d %.3f%n", sent, seconds);
    }

    /** SMTP's transparency rule: a line starting with a dot gets one more. */
    private static byte[] dotStuffed(byte[] mail) {
        return new String(mail, StandardCharsets.US_ASCII).replace("\r\n.", "\r\n..")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static void command(OutputStream out, BufferedReader in, String line, int expected) throws Exception {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        expect(in, expected);
    }

    private static void expect(BufferedReader in, int code) throws Exception {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IllegalStateException("connection closed, expected " + code);
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
        if (!line.startsWith(Integer.toString(code))) {
            throw new IllegalStateException("expected " + code + ", got: " + line);
        }
    }

    /**
     * The same mails parsed in this JVM, as often as fits in ~5 s after a warm-up: Angus Mail's MimeMessage with
     * the whole content walked, and mail-ingest's own MailParser (headers, text extraction, quoted-history strip).
     */
    static void parse(String run, String kind, int count) throws Exception {
        List<byte[]> mails = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            mails.add(mail(run, kind, i));
        }
        Session session = Session.getInstance(new Properties());
        MailParser parser = new MailParser();
        long sink = 0;
        for (int round = 0; round < 3; round++) { // warm-up
            for (byte[] raw : mails) {
                sink += angus(session, raw) + parser.parse(raw, "x@y").textBody().length();
            }
        }
        double angus = rate(mails, raw -> angus(session, raw));
        double service = rate(mails, raw -> parser.parse(raw, "x@y").textBody().length());
        System.out.printf("%.0f %.0f %d%n", angus, service, sink % 2);
    }

    interface Work {
        long on(byte[] raw) throws Exception;
    }

    private static double rate(List<byte[]> mails, Work work) throws Exception {
        long start = System.nanoTime();
        long parsed = 0;
        long sink = 0;
        while (System.nanoTime() - start < 5_000_000_000L) {
            for (byte[] raw : mails) {
                sink += work.on(raw);
                parsed++;
            }
        }
        if (sink == 42) {
            System.err.print("");
        }
        return parsed / ((System.nanoTime() - start) / 1e9);
    }

    /** MimeMessage parse plus every part's decoded content (what reading a mail takes, without our extraction). */
    private static long angus(Session session, byte[] raw) throws Exception {
        MimeMessage mime = new MimeMessage(session, new ByteArrayInputStream(raw));
        long length = mime.getSubject().length();
        Object content = mime.getContent();
        if (content instanceof jakarta.mail.Multipart multipart) {
            for (int p = 0; p < multipart.getCount(); p++) {
                length += multipart.getBodyPart(p).getContent().toString().length();
            }
        } else {
            length += content.toString().length();
        }
        return length;
    }
}
