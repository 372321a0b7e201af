package dev.troupe.cli.client;

/**
 * One server-sent event.
 *
 * @param id the last event id seen on the stream when the event was dispatched ("" if none)
 * @param event the event type ({@code message} when the stream named none)
 * @param data the data lines joined with {@code \n}
 */
public record SseEvent(String id, String event, String data) {}
