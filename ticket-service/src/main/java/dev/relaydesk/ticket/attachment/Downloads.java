package dev.relaydesk.ticket.attachment;

import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * An attachment's bytes as a download. Always "attachment" with nosniff and a sandboxing CSP: a client's
 * upload declared as HTML or SVG must never run as a page of ours.
 */
public final class Downloads {

    private Downloads() {
    }

    public static Response of(Attachment attachment, byte[] content) {
        String encoded = URLEncoder.encode(attachment.filename, StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(content, attachment.contentType)
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + encoded)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .header("Cache-Control", "private, no-store")
                .build();
    }
}
