package dev.relaydesk.messaging.mail;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The reply token that notification-service puts in the Reply-To address of mails about a ticket
 * ({@code support+<token>@relaydesk.test}) and ticket-service reads back from a reply's recipients: the ticket id
 * and a truncated HMAC-SHA256 of it, base32 so that it survives lower-casing and any mail system. Knowing a ticket
 * id (or guessing one) is not enough to make a token: that needs the key, shared by the two services
 * ({@code relaydesk.mail.reply-token-key}).
 */
public final class ReplyTokens {

    /** The configuration key both services read the secret from. */
    public static final String KEY_PROPERTY = "relaydesk.mail.reply-token-key";

    private static final int MIN_KEY_LENGTH = 32;
    private static final int MAC_BYTES = 10; // 80 bits: far beyond guessing, short enough for a 64-char local part
    private static final int TOKEN_BYTES = 16 + MAC_BYTES;
    private static final int TOKEN_CHARS = (TOKEN_BYTES * 8 + 4) / 5;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
    // Binds the MAC to this use, so the key can never produce something valid elsewhere.
    private static final byte[] CONTEXT = "relaydesk reply token v1\0".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec key;

    public ReplyTokens(String secret) {
        if (secret == null || secret.strip().length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException(KEY_PROPERTY + " must be set to a secret of at least " + MIN_KEY_LENGTH
                    + " characters");
        }
        this.key = new SecretKeySpec(secret.strip().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String tokenFor(UUID ticketId) {
        byte[] id = bytesOf(ticketId);
        ByteBuffer token = ByteBuffer.allocate(TOKEN_BYTES).put(id).put(mac(id), 0, MAC_BYTES);
        return base32(token.array());
    }

    /** The ticket a token names, if the token is well formed and its MAC is right (compared in constant time). */
    public Optional<UUID> ticketOf(String token) {
        if (token == null || token.length() != TOKEN_CHARS) {
            return Optional.empty();
        }
        byte[] raw = unbase32(token.toLowerCase(Locale.ROOT));
        if (raw == null) {
            return Optional.empty();
        }
        byte[] id = Arrays.copyOf(raw, 16);
        byte[] expected = Arrays.copyOf(mac(id), MAC_BYTES);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(raw, 16, TOKEN_BYTES))) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(id);
        return Optional.of(new UUID(buffer.getLong(), buffer.getLong()));
    }

    /** {@code support@relaydesk.test} becomes {@code support+<token>@relaydesk.test}. */
    public String replyAddress(String projectAddress, UUID ticketId) {
        int at = projectAddress.lastIndexOf('@');
        if (at <= 0) {
            throw new IllegalArgumentException("Not an address: " + projectAddress);
        }
        return projectAddress.substring(0, at) + "+" + tokenFor(ticketId) + projectAddress.substring(at);
    }

    /** The ticket the plus-tag of a recipient address names, if it carries a valid token. */
    public Optional<UUID> ticketOfAddress(String address) {
        if (address == null) {
            return Optional.empty();
        }
        int at = address.lastIndexOf('@');
        int plus = address.lastIndexOf('+', at);
        return at > 0 && plus >= 0 ? ticketOf(address.substring(plus + 1, at).strip()) : Optional.empty();
    }

    private byte[] mac(byte[] id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(CONTEXT);
            return mac.doFinal(id);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static byte[] bytesOf(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }

    /** RFC 4648 base32, lower case, without padding. */
    static String base32(byte[] bytes) {
        StringBuilder text = new StringBuilder(TOKEN_CHARS);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                text.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            text.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return text.toString();
    }

    /** The bytes of a lower-case token, or null when a character is not base32 or the unused bits are not zero. */
    static byte[] unbase32(String text) {
        byte[] bytes = new byte[text.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int index = 0;
        for (int i = 0; i < text.length(); i++) {
            int value = ALPHABET.indexOf(text.charAt(i));
            if (value < 0) {
                return null;
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                bytes[index++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        // one spelling per token: trailing bits must be zero
        return (buffer & ((1 << bits) - 1)) == 0 ? bytes : null;
    }
}
