-- The trace of the event that queued a mail (W3C traceparent): its sending attempts continue that trace.
alter table delivery add column trace_parent text;
