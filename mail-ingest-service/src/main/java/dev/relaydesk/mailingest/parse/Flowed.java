package dev.relaydesk.mailingest.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Undoes RFC 3676 format=flowed (Thunderbird, Apple Mail, many webmailers): a line ending in a space continues
 * on the next line of the same quote depth. Without this a paragraph arrives cut at every 72 characters.
 */
final class Flowed {

    private Flowed() {
    }

    static String unflow(String text, boolean delSp) {
        List<String> out = new ArrayList<>();
        StringBuilder paragraph = null;
        int paragraphDepth = 0;
        for (String raw : text.split("\r?\n", -1)) {
            int depth = 0;
            while (depth < raw.length() && raw.charAt(depth) == '>') {
                depth++;
            }
            String line = raw.substring(depth);
            if (line.startsWith(" ")) {
                line = line.substring(1); // space-stuffing
            }
            if (paragraph != null && depth != paragraphDepth) {
                out.add(quoted(paragraphDepth, paragraph));
                paragraph = null;
            }
            boolean soft = line.endsWith(" ") && !line.equals("-- ");
            if (paragraph == null) {
                paragraph = new StringBuilder();
                paragraphDepth = depth;
            }
            paragraph.append(soft && delSp ? line.substring(0, line.length() - 1) : line);
            if (!soft) {
                out.add(quoted(paragraphDepth, paragraph));
                paragraph = null;
            }
        }
        if (paragraph != null) {
            out.add(quoted(paragraphDepth, paragraph));
        }
        return String.join("\n", out);
    }

    private static String quoted(int depth, CharSequence content) {
        return depth == 0 ? content.toString() : ">".repeat(depth) + " " + content;
    }
}
