package dev.relaydesk.mailingest.parse;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The new part of a reply: the text above the quoted history ("On ... wrote:", "-----Original Message-----",
 * Outlook's header block, a trailing "> " block) and above the signature delimiter. The full message stays
 * stored raw; when stripping would leave nothing, the text is kept whole.
 */
final class ReplyText {

    /** A line (or two joined lines, since clients wrap it) that introduces the quoted history. */
    private static final List<Pattern> ATTRIBUTION = List.of(
            Pattern.compile("^On\\b.{0,300}\\bwrote:\\s*$"),
            Pattern.compile("^Am\\b.{0,300}\\bschrieb\\b.{0,200}:\\s*$"),
            Pattern.compile("^Le\\b.{0,300}\\ba écrit\\s*:\\s*$"),
            Pattern.compile("^El\\b.{0,300}\\bescribió:\\s*$"),
            Pattern.compile("^Op\\b.{0,300}\\bschreef\\b.{0,200}:\\s*$"),
            Pattern.compile("^(Den|På)\\b.{0,300}\\bskrev\\b.{0,200}:\\s*$"),
            Pattern.compile("^-{2,}\\s*(Original Message|Ursprüngliche Nachricht|Message d'origine|Mensaje original)\\s*-{2,}\\s*$",
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile("^_{20,}\\s*$"));
    private static final Pattern HEADER_FROM = Pattern.compile("^\\*?(From|Von|De|Från):\\*?\\s.+");
    private static final Pattern HEADER_DATE = Pattern.compile("^\\*?(Sent|Date|Gesendet|Datum|Envoyé|Enviado|Skickat):\\*?\\s.+");

    private ReplyText() {
    }

    static String withoutQuotedHistory(String text) {
        List<String> lines = text.lines().toList();
        int end = lines.size();
        for (int i = 0; i < lines.size(); i++) {
            if (startsHistory(lines, i)) {
                end = i;
                break;
            }
        }
        end = withoutTrailingQuote(lines, end);
        end = withoutSignature(lines, end);
        String kept = String.join("\n", lines.subList(0, end)).strip();
        return kept.isEmpty() ? text : kept;
    }

    private static boolean startsHistory(List<String> lines, int i) {
        String line = lines.get(i).strip();
        String joined = i + 1 < lines.size() ? line + " " + lines.get(i + 1).strip() : line;
        for (Pattern attribution : ATTRIBUTION) {
            if (attribution.matcher(line).matches() || (!line.isEmpty() && attribution.matcher(joined).matches())) {
                return true;
            }
        }
        if (HEADER_FROM.matcher(line).matches()) {
            for (int next = i + 1; next < Math.min(lines.size(), i + 4); next++) {
                if (HEADER_DATE.matcher(lines.get(next).strip()).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A block of "> " lines (and blank lines) that runs to the end is quoted history too. */
    private static int withoutTrailingQuote(List<String> lines, int end) {
        int cut = end;
        for (int i = end - 1; i >= 0; i--) {
            String line = lines.get(i).strip();
            if (line.startsWith(">")) {
                cut = i;
            } else if (!line.isEmpty()) {
                break;
            }
        }
        return cut;
    }

    /** The last "-- " delimiter (RFC 3676; many clients drop the space) starts the signature. */
    private static int withoutSignature(List<String> lines, int end) {
        for (int i = end - 1; i > 0; i--) {
            String line = lines.get(i);
            if (line.equals("-- ") || line.equals("--")) {
                return i;
            }
        }
        return end;
    }
}
