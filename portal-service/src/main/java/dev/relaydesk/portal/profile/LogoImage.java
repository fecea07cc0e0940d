package dev.relaydesk.portal.profile;

import dev.relaydesk.web.InvalidFieldException;
import java.util.Arrays;

/**
 * A company logo as admins upload it: PNG or JPEG, recognised by its first bytes (not by what the upload claims),
 * at most 20 KB, so every portal page stays light.
 */
public record LogoImage(byte[] bytes, String mediaType) {

    public static final int MAX_BYTES = 20 * 1024;
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};

    public static LogoImage of(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidFieldException("logo", "The logo is empty: upload a PNG or JPEG file.");
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidFieldException("logo", "The logo is " + kilobytes(bytes.length)
                    + " KB; at most 20 KB are allowed. Make it smaller (fewer pixels or colours) and upload it again.");
        }
        if (startsWith(bytes, PNG)) {
            return new LogoImage(bytes, "image/png");
        }
        if (startsWith(bytes, JPEG)) {
            return new LogoImage(bytes, "image/jpeg");
        }
        throw new InvalidFieldException("logo", "The logo must be a PNG or JPEG image; this file is neither.");
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static String kilobytes(int bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / 1024.0);
    }
}
