package dev.relaydesk.mailingest.inbound;

import dev.relaydesk.events.MailReceived;
import dev.relaydesk.mailingest.MailIngestConfig;
import dev.relaydesk.mailingest.parse.ParsedMail;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;

/**
 * Which of an accepted mail's files may go on a ticket. The mail itself is never refused for a large file (the
 * SMTP size limit already bounds it): the file is named with the reason, so agents see what did not come along.
 */
@ApplicationScoped
class AttachmentLimits {

    private final long maxBytes;

    AttachmentLimits(MailIngestConfig config) {
        this.maxBytes = config.attachments().maxBytes();
    }

    List<MailReceived.Attachment> judge(List<ParsedMail.AttachmentInfo> found) {
        return found.stream().map(file -> new MailReceived.Attachment(file.filename(), file.contentType(),
                file.sizeBytes(), file.sizeBytes() > maxBytes ? "larger than the " + size(maxBytes)
                        + " allowed for one attachment" : null)).toList();
    }

    /** "10.0 MB", "16.0 KB", as agents read sizes. */
    static String size(long bytes) {
        if (bytes >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
        }
        if (bytes >= 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return bytes + " bytes";
    }
}
