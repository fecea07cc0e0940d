package dev.relaydesk.localstack;

import java.nio.file.Path;

/** A piece of the stack did not come up; says which one and where its log is. */
public class StartupException extends RuntimeException {

    private final String component;
    private final Path log;

    public StartupException(String component, Path log, String detail) {
        this(component, log, detail, null);
    }

    public StartupException(String component, Path log, String detail, Throwable cause) {
        super(component + " failed to start: " + detail + (log == null ? "" : "\n  its log: " + log), cause);
        this.component = component;
        this.log = log;
    }

    public String component() {
        return component;
    }

    /** The component's log file, or null when it has none (in-process pieces). */
    public Path log() {
        return log;
    }
}
