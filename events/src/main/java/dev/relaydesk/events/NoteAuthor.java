package dev.relaydesk.events;

public enum NoteAuthor {
    AGENT,
    CLIENT,
    SYSTEM
}
