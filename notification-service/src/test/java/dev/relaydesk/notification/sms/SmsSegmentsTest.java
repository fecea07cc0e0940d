package dev.relaydesk.notification.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.relaydesk.notification.sms.SmsConfig.LongMessages;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmsSegmentsTest {

    private static final String LONG = ("Your ticket SUP-42 moved to In progress. Follow it at "
            + "https://portal.example/t/abcdefghijklmnopqrstuvwxyz0123456789 and answer any time. ").repeat(3).strip();

    @Test
    void aTextOfOneSegmentIsSentAsItIs() {
        assertEquals(List.of("Hello Jane, SUP-42 is closed."), SmsSegments.fit("Hello Jane, SUP-42 is closed.",
                LongMessages.SPLIT, 3));
        assertEquals(1, SmsSegments.fit("x".repeat(160), LongMessages.TRUNCATE, 3).size());
    }

    @Test
    void aLongTextIsSplitIntoNumberedMessagesOfOneSegmentEach() {
        List<String> parts = SmsSegments.fit(LONG, LongMessages.SPLIT, 3);

        assertEquals(3, parts.size(), parts.toString());
        for (int i = 0; i < parts.size(); i++) {
            assertTrue(parts.get(i).startsWith("(" + (i + 1) + "/3) "), parts.get(i));
            assertTrue(parts.get(i).length() <= 160, parts.get(i).length() + ": " + parts.get(i));
        }
        String joined = String.join(" ", parts.stream().map(part -> part.substring(6)).toList());
        assertEquals(LONG.replaceAll("\\s+", " "), joined.replaceAll("\\s+", " "), "nothing lost, words kept whole");
    }

    @Test
    void aTextLongerThanTheMostPartsEndsCut() {
        List<String> parts = SmsSegments.fit(LONG.repeat(3), LongMessages.SPLIT, 2);

        assertEquals(2, parts.size());
        assertTrue(parts.get(1).endsWith("..."));
        assertTrue(parts.get(1).length() <= 160);
    }

    @Test
    void aLongTextIsTruncatedToOneSegmentWhenConfigured() {
        List<String> parts = SmsSegments.fit(LONG, LongMessages.TRUNCATE, 3);

        assertEquals(1, parts.size());
        assertTrue(parts.get(0).length() <= 160);
        assertTrue(parts.get(0).endsWith("..."));
        assertTrue(LONG.startsWith(parts.get(0).substring(0, parts.get(0).length() - 3)));
    }

    @Test
    void aTextOutsideTheGsmAlphabetHasSegmentsOfSeventy() {
        String greek = "Γειά σας, το αίτημά σας έκλεισε. ".repeat(3);
        assertEquals(70, SmsSegments.segmentLength(greek));
        List<String> parts = SmsSegments.fit(greek, LongMessages.SPLIT, 3);
        assertTrue(parts.size() > 1);
        assertTrue(parts.stream().allMatch(part -> part.length() <= 70), parts.toString());
    }

    @Test
    void onlyE164NumbersAreAccepted() {
        assertTrue(PhoneNumbers.isE164("+4915112345678"));
        assertTrue(PhoneNumbers.isE164("+14155550100"));
        assertFalse(PhoneNumbers.isE164("015112345678"), "a local form");
        assertFalse(PhoneNumbers.isE164("+49 151 12345678"), "spaces");
        assertFalse(PhoneNumbers.isE164("+0151123"), "no country code starts with 0");
        assertFalse(PhoneNumbers.isE164("+1234567890123456"), "more than 15 digits");
        assertFalse(PhoneNumbers.isE164(null));
    }
}
