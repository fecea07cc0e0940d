package dev.relaydesk.ticket.attachment;

import java.util.Locale;
import java.util.regex.Pattern;

/** Names and types of uploaded files, made safe to store and to send back in headers. */
final class FileNames {

    private static final Pattern UNSAFE = Pattern.compile("[\\p{Cntrl}\"\\\\/:*?<>|;]");
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*");
    private static final int MAX_LENGTH = 200;

    private FileNames() {
    }

    /** The last path segment, without characters that could break a header or a file system; never blank. */
    static String safe(String name) {
        String base = name == null ? "" : name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String cleaned = UNSAFE.matcher(base).replaceAll("_").strip();
        if (cleaned.isEmpty() || cleaned.chars().allMatch(c -> c == '.')) {
            return "attachment";
        }
        return cleaned.length() <= MAX_LENGTH ? cleaned : cleaned.substring(cleaned.length() - MAX_LENGTH);
    }

    /** The declared type if it is a plain media type (parameters dropped), else application/octet-stream. */
    static String contentType(String declared) {
        if (declared == null) {
            return "application/octet-stream";
        }
        String type = declared.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return MEDIA_TYPE.matcher(type).matches() ? type : "application/octet-stream";
    }
}
