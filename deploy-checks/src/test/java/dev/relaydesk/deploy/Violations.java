package dev.relaydesk.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/** One failure listing every violation, so a broken overlay is fixed in one pass. */
final class Violations {

    private Violations() {
    }

    static void assertNone(String what, List<String> violations) {
        assertTrue(violations.isEmpty(), () -> what + ":\n  - " + String.join("\n  - ", violations));
    }
}
