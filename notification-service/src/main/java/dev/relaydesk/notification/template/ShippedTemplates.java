package dev.relaydesk.notification.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default templates shipped with the service, under {@code mail-templates/<language>/<kind>.txt} (first
 * line "Subject: ...", a blank line, then the plain-text part) and {@code <kind>.html}. Outside Qute's
 * {@code templates/} folder on purpose: they are parsed at run time like the admins' overrides.
 */
public final class ShippedTemplates {

    public static final List<String> LANGUAGES = List.of("en", "de");
    public static final String FALLBACK_LANGUAGE = "en";

    private static final String SUBJECT_PREFIX = "Subject:";

    private ShippedTemplates() {
    }

    public static boolean supports(String language) {
        return LANGUAGES.contains(language);
    }

    /** The files never change while the service runs: each is read once. */
    private static final Map<String, Optional<TemplateText>> READ = new ConcurrentHashMap<>();

    public static Optional<TemplateText> find(MailKind kind, String language) {
        return READ.computeIfAbsent(kind.slug() + "/" + language, key -> load(kind, language));
    }

    private static Optional<TemplateText> load(MailKind kind, String language) {
        String base = "mail-templates/" + language + "/" + kind.slug();
        return read(base + ".txt").flatMap(textFile -> read(base + ".html").map(html -> {
            String[] headAndBody = textFile.split("\\R", 2);
            if (!headAndBody[0].startsWith(SUBJECT_PREFIX)) {
                throw new IllegalStateException(base + ".txt must start with a Subject: line");
            }
            String body = headAndBody.length > 1 ? headAndBody[1].replaceFirst("^\\R", "") : "";
            return new TemplateText(headAndBody[0].substring(SUBJECT_PREFIX.length()).strip(), body, html);
        }));
    }

    private static Optional<String> read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
