package dev.relaydesk.mailingest.parse;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Decodes HTML character references: every numeric one, and the named ones mail clients actually emit. */
final class Entities {

    private static final Pattern REFERENCE = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});");
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("nbsp", " "), Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"),
            Map.entry("quot", "\""), Map.entry("apos", "'"), Map.entry("copy", "©"), Map.entry("reg", "®"),
            Map.entry("euro", "€"), Map.entry("pound", "£"), Map.entry("ndash", "–"), Map.entry("mdash", "—"),
            Map.entry("lsquo", "‘"), Map.entry("rsquo", "’"), Map.entry("sbquo", "‚"), Map.entry("ldquo", "“"),
            Map.entry("rdquo", "”"), Map.entry("bdquo", "„"), Map.entry("hellip", "…"), Map.entry("laquo", "«"),
            Map.entry("raquo", "»"), Map.entry("bull", "•"), Map.entry("middot", "·"), Map.entry("deg", "°"),
            Map.entry("szlig", "ß"), Map.entry("auml", "ä"), Map.entry("ouml", "ö"), Map.entry("uuml", "ü"),
            Map.entry("Auml", "Ä"), Map.entry("Ouml", "Ö"), Map.entry("Uuml", "Ü"), Map.entry("eacute", "é"),
            Map.entry("egrave", "è"), Map.entry("ecirc", "ê"), Map.entry("agrave", "à"), Map.entry("aacute", "á"),
            Map.entry("acirc", "â"), Map.entry("ccedil", "ç"), Map.entry("iacute", "í"), Map.entry("oacute", "ó"),
            Map.entry("uacute", "ú"), Map.entry("ntilde", "ñ"), Map.entry("Eacute", "É"), Map.entry("aring", "å"),
            Map.entry("Aring", "Å"), Map.entry("oslash", "ø"), Map.entry("aelig", "æ"), Map.entry("iquest", "¿"),
            Map.entry("iexcl", "¡"), Map.entry("ordm", "º"), Map.entry("ordf", "ª"), Map.entry("times", "×"));

    private Entities() {
    }

    static String decode(String text) {
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder decoded = new StringBuilder(text.length());
        while (matcher.find()) {
            matcher.appendReplacement(decoded, Matcher.quoteReplacement(character(matcher.group(1), matcher.group())));
        }
        matcher.appendTail(decoded);
        return decoded.toString();
    }

    private static String character(String reference, String whole) {
        if (reference.charAt(0) != '#') {
            return NAMED.getOrDefault(reference, whole);
        }
        boolean hex = reference.length() > 1 && (reference.charAt(1) == 'x' || reference.charAt(1) == 'X');
        int codePoint = Integer.parseInt(reference.substring(hex ? 2 : 1), hex ? 16 : 10);
        return Character.isValidCodePoint(codePoint) && codePoint != 0 ? Character.toString(codePoint) : "\uFFFD";
    }
}
