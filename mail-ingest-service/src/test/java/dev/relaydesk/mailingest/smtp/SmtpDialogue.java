package dev.relaydesk.mailingest.smtp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A plain-socket SMTP client, to see the receiver's exact reply codes. */
final class SmtpDialogue implements AutoCloseable {

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    SmtpDialogue(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(15_000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        out = socket.getOutputStream();
        reply();
    }

    /** Sends one command line and returns the reply's code. */
    int command(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return reply();
    }

    /**
     * Sends a message body after DATA was accepted, dot-stuffed as RFC 5321 requires (a line starting with "." gets
     * another), with the terminating dot; returns the reply's code.
     */
    int body(String message) throws IOException {
        String stuffed = (message.startsWith(".") ? "." : "") + message.replace("\r\n.", "\r\n..");
        out.write((stuffed + "\r\n.\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return reply();
    }

    private int reply() throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("connection closed");
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
        return Integer.parseInt(line.substring(0, 3));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
