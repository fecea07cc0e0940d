package dev.relaydesk.events;

/**
 * Marker for every event contract. The record key on Kafka is {@link #key()}: the ticket id for ticket
 * events, the mail id for mail events, so all records of one aggregate land on one partition.
 */
public interface RelaydeskEvent {

    String key();
}
