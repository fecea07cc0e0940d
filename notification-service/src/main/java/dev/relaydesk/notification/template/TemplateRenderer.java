package dev.relaydesk.notification.template;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders templates that live as text (files and the database) with Qute. The HTML part is parsed as
 * {@code text/html}, so Qute escapes every value put into it: user content (names, titles, notes) cannot
 * add markup. Rendering is strict: a placeholder that does not exist is an error, not an empty spot.
 */
@ApplicationScoped
public class TemplateRenderer {

    private static final Variant PLAIN = new Variant(Locale.ROOT, Variant.TEXT_PLAIN, StandardCharsets.UTF_8.name());
    private static final Variant HTML = new Variant(Locale.ROOT, Variant.TEXT_HTML, StandardCharsets.UTF_8.name());

    /** Parsed templates are reused up to this many; past it the cache starts over (admins rarely edit). */
    private static final int MAX_PARSED = 2_000;

    private final Engine engine;
    /**
     * Parsed templates by their source: a mail renders without parsing its template again, and an admin's edit is a
     * new source, so it is used by the very next mail, on every replica, with nothing to invalidate.
     */
    private final Map<Source, Template> parsed = new ConcurrentHashMap<>();

    private record Source(String text, Variant variant) {
    }

    TemplateRenderer(Engine engine) {
        this.engine = engine;
    }

    public RenderedMail render(TemplateText template, MailData data) {
        return new RenderedMail(
                render("subject", template.subject(), PLAIN, data),
                render("text", template.text(), PLAIN, data),
                render("html", template.html(), HTML, data));
    }

    /** One plain-text template (a rule's subject or SMS), e.g. {@code "part"} "body". */
    public String renderText(String part, String source, MailData data) {
        return render(part, source, PLAIN, data);
    }

    /** One template as HTML: every value put into it is escaped. */
    public String renderHtml(String part, String source, MailData data) {
        return render(part, source, HTML, data);
    }

    /** Throws {@link TemplateSyntaxException} for the first part that would not render for a ticket. */
    public void check(TemplateText template) {
        render(template, MailData.SAMPLE);
    }

    private String render(String part, String source, Variant variant, MailData data) {
        try {
            Template template = parsed(source, variant);
            TemplateInstance instance = template.instance();
            data.asMap().forEach(instance::data);
            return instance.render();
        } catch (TemplateException e) {
            int line = e.getOrigin() != null ? e.getOrigin().getLine() : 1;
            throw new TemplateSyntaxException(part, line, cleanMessage(e));
        }
    }

    private Template parsed(String source, Variant variant) {
        Source key = new Source(source, variant);
        Template template = parsed.get(key);
        if (template == null) {
            if (parsed.size() >= MAX_PARSED) {
                parsed.clear();
            }
            template = engine.parse(source, variant); // a source that does not parse is not kept
            parsed.put(key, template);
        }
        return template;
    }

    /** Qute's message names its generated template id; the admin only needs what is wrong. */
    private static String cleanMessage(TemplateException e) {
        String message = e.getMessage() == null ? "invalid template" : e.getMessage();
        return message.replaceAll("(?s)\\s*in template \\[[^\\]]*\\]", "")
                .replaceAll("(?s)Parser error( in template)?\\s*(\\[[^\\]]*\\])?\\s*(on )?line \\d+:\\s*", "")
                .strip();
    }
}
