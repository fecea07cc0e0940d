package dev.relaydesk.ticket.search;

import dev.relaydesk.web.InvalidFieldException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page of the ticket list ended: the sort time and id of its last ticket (keyset pagination, so a
 * page costs the same on page 1 and page 1000, and tickets arriving meanwhile shift nothing). Opaque to
 * callers.
 */
public record Cursor(Instant at, UUID id) {

    public String encode() {
        String plain = at.getEpochSecond() + "." + at.getNano() + "." + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    public static Cursor decode(String encoded) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8).split("\\.");
            return new Cursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                    UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw new InvalidFieldException("cursor", "This cursor is not one the ticket list handed out");
        }
    }
}
