package dev.relaydesk.messaging.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReplyTokensTest {

    private final ReplyTokens tokens = new ReplyTokens("a-test-key-that-is-long-enough-for-hmac");
    private final UUID ticket = UUID.fromString("0b8f5d2c-7a1e-4f3b-8c6d-2e9a1b4c5d60");

    @Test
    void aTokenNamesItsTicketAndFitsInAnAddress() {
        String address = tokens.replyAddress("support@relaydesk.test", ticket);

        assertTrue(address.matches("support\\+[a-z2-7]{42}@relaydesk\\.test"), address);
        assertEquals(Optional.of(ticket), tokens.ticketOfAddress(address));
        assertEquals(Optional.of(ticket), tokens.ticketOfAddress(address.toUpperCase(Locale.ROOT)),
                "mail systems may change the case of the local part");
    }

    @Test
    void aChangedTokenOrAnotherKeysTokenNamesNoTicket() {
        String token = tokens.tokenFor(ticket);
        char last = token.charAt(10);
        String tampered = token.substring(0, 10) + (last == 'a' ? 'b' : 'a') + token.substring(11);

        assertEquals(Optional.empty(), tokens.ticketOf(tampered));
        assertEquals(Optional.empty(), tokens.ticketOf(token.substring(1)));
        assertEquals(Optional.empty(), tokens.ticketOf(token.replace(token.charAt(0), '1')));
        assertEquals(Optional.empty(), new ReplyTokens("another-key-that-is-long-enough-for-hmac").ticketOf(token));
        assertEquals(Optional.empty(), tokens.ticketOfAddress("support+billing@relaydesk.test"));
        assertEquals(Optional.empty(), tokens.ticketOfAddress("support@relaydesk.test"));
    }

    @Test
    void tokensOfDifferentTicketsDiffer() {
        assertNotEquals(tokens.tokenFor(ticket), tokens.tokenFor(UUID.randomUUID()));
        assertEquals(tokens.tokenFor(ticket), tokens.tokenFor(ticket));
    }

    @Test
    void aMissingOrShortKeyIsRefusedAtStart() {
        assertThrows(IllegalArgumentException.class, () -> new ReplyTokens(null));
        assertThrows(IllegalArgumentException.class, () -> new ReplyTokens("short"));
    }

    /** The RFC 4648 alphabet (checked against Python's base64.b32encode), lower case, no padding. */
    @Test
    void base32IsRfc4648() {
        byte[] bytes = {0, 1, 2, (byte) 0xff, (byte) 0x80, 42};
        assertEquals("aaaqf74afi", ReplyTokens.base32(bytes));
        assertEquals(java.util.HexFormat.of().formatHex(bytes),
                java.util.HexFormat.of().formatHex(ReplyTokens.unbase32("aaaqf74afi")));
    }
}
