-- The trace of the change that wrote the event (W3C traceparent), so its Kafka record continues that trace.
alter table outbox_event add column trace_parent text;
