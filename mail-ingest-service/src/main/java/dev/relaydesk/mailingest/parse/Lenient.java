package dev.relaydesk.mailingest.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Reads bytes whose charset is missing or wrong the way mail clients do: UTF-8 if valid, else Windows-1252. */
final class Lenient {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private Lenient() {
    }

    static String text(byte[] bytes) {
        return validUtf8(bytes, 0, bytes.length) ? new String(bytes, StandardCharsets.UTF_8) : new String(bytes, WINDOWS_1252);
    }

    /** Whether the header section holds 8-bit bytes that form valid UTF-8. */
    static boolean headersAreUtf8(byte[] raw) {
        int end = headerEnd(raw);
        boolean eightBit = false;
        for (int i = 0; i < end && !eightBit; i++) {
            eightBit = raw[i] < 0;
        }
        return eightBit && validUtf8(raw, 0, end);
    }

    private static int headerEnd(byte[] raw) {
        for (int i = 0; i + 1 < raw.length; i++) {
            if (raw[i] == '\n' && (raw[i + 1] == '\n' || (raw[i + 1] == '\r' && i + 2 < raw.length && raw[i + 2] == '\n'))) {
                return i;
            }
        }
        return raw.length;
    }

    private static boolean validUtf8(byte[] bytes, int offset, int length) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
