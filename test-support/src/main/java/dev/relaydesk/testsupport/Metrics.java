package dev.relaydesk.testsupport;

import java.util.Arrays;

/** Reads one sample out of a Prometheus scrape ({@code /q/metrics}), as an operator's dashboard would. */
public final class Metrics {

    private Metrics() {
    }

    /**
     * The value of the sample named {@code name} whose labels include every {@code label="value"} pair given
     * (e.g. {@code "source", "API"}); 0 when there is none yet (a counter not incremented yet is not scraped).
     */
    public static double value(String scrape, String name, String... labels) {
        return scrape.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> hasLabels(line, labels))
                .map(Metrics::withoutExemplar)
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /**
     * A sample recorded inside a trace carries an exemplar after its value
     * ({@code name{...} 1.0 # {span_id="...",trace_id="..."} 1.0 1796457726.583}): the value is before it.
     */
    private static String withoutExemplar(String line) {
        int exemplar = line.indexOf(" # ");
        return exemplar < 0 ? line : line.substring(0, exemplar).strip();
    }

    /** Whether the scrape has any sample of that name (a gauge, say). */
    public static boolean has(String scrape, String name) {
        return scrape.lines().anyMatch(line -> line.startsWith(name + "{") || line.startsWith(name + " "));
    }

    private static boolean hasLabels(String line, String... labels) {
        if (labels.length % 2 != 0) {
            throw new IllegalArgumentException("labels come in name, value pairs: " + Arrays.toString(labels));
        }
        for (int i = 0; i < labels.length; i += 2) {
            if (!line.contains(labels[i] + "=\"" + labels[i + 1] + "\"")) {
                return false;
            }
        }
        return true;
    }
}
