package dev.relaydesk.notification.template;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Renders templates that live as text (files and the database) with Qute. The HTML part is parsed as
 * {@code text/html}, so Qute escapes every value put into it: user content (names, titles, notes) cannot
 * add markup. Rendering is strict: a placeholder that does not exist is an error, not an empty spot.
 */
@ApplicationScoped
public class TemplateRenderer {

    private static final Variant PLAIN = new Variant(Locale.ROOT, Variant.TEXT_PLAIN, StandardCharsets.UTF_8.name());
    private static final Variant HTML = new Variant(Locale.ROOT, Variant.TEXT_HTML, StandardCharsets.UTF_8.name());

    private final Engine engine;

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
            Template template = engine.parse(source, variant);
            TemplateInstance instance = template.instance();
            data.asMap().forEach(instance::data);
            return instance.render();
        } catch (TemplateException e) {
            int line = e.getOrigin() != null ? e.getOrigin().getLine() : 1;
            throw new TemplateSyntaxException(part, line, cleanMessage(e));
        }
    }

    /** Qute's message names its generated template id; the admin only needs what is wrong. */
    private static String cleanMessage(TemplateException e) {
        String message = e.getMessage() == null ? "invalid template" : e.getMessage();
        return message.replaceAll("(?s)\\s*in template \\[[^\\]]*\\]", "")
                .replaceAll("(?s)Parser error( in template)?\\s*(\\[[^\\]]*\\])?\\s*(on )?line \\d+:\\s*", "")
                .strip();
    }
}
