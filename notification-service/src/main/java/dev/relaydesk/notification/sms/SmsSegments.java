package dev.relaydesk.notification.sms;

import dev.relaydesk.notification.sms.SmsConfig.LongMessages;
import java.util.ArrayList;
import java.util.List;

/**
 * Fits a text into single-segment messages: 160 characters when every character is in the GSM 7-bit basic
 * alphabet, else 70 (UCS-2). A longer text is split into numbered messages or truncated, as configured.
 */
public final class SmsSegments {

    /** GSM 03.38 basic alphabet (extension characters like the euro sign count as UCS-2 here, to be safe). */
    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String ELLIPSIS = "...";

    private SmsSegments() {
    }

    public static int segmentLength(String text) {
        return text.chars().allMatch(c -> GSM_BASIC.indexOf(c) >= 0) ? 160 : 70;
    }

    public static List<String> fit(String text, LongMessages policy, int maxParts) {
        int segment = segmentLength(text);
        int most = Math.min(maxParts, 9); // "(10/12) " would no longer fit the 6 characters reserved
        if (text.length() <= segment) {
            return List.of(text);
        }
        if (policy == LongMessages.TRUNCATE || most <= 1) {
            return List.of(cut(text, segment));
        }
        // "(1/3) " takes 6 characters of each part while there are fewer than ten parts
        int room = segment - 6;
        List<String> chunks = new ArrayList<>();
        String rest = text.strip();
        while (!rest.isEmpty() && chunks.size() < most) {
            if (rest.length() <= room || chunks.size() == most - 1) {
                chunks.add(rest.length() <= room ? rest : cut(rest, room));
                break;
            }
            int end = rest.lastIndexOf(' ', room);
            if (end < room / 2) {
                end = room; // no word break in sight: cut mid-word
            }
            chunks.add(rest.substring(0, end).strip());
            rest = rest.substring(end).strip();
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            parts.add("(" + (i + 1) + "/" + chunks.size() + ") " + chunks.get(i));
        }
        return parts;
    }

    private static String cut(String text, int length) {
        return text.substring(0, length - ELLIPSIS.length()).stripTrailing() + ELLIPSIS;
    }
}
