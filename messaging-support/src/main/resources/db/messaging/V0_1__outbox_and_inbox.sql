-- Shared by every service (each in its own schema): the transactional outbox and the idempotent-consumer inbox.

create table outbox_event (
    position     bigserial primary key,           -- relay order
    id           uuid        not null unique,     -- becomes the CloudEvent id
    topic        text        not null,
    record_key   text        not null,
    ce_type      text        not null,
    payload      text        not null,
    created_at   timestamptz not null default now()
);

create table processed_event (
    event_id     text        primary key,
    consumer     text        not null,
    processed_at timestamptz not null default now()
);
