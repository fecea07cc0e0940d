-- notification-service: every message it owes someone, and what became of it (schema "notification").

create table delivery (
    id               uuid primary key,
    subject_key      text        not null,  -- what the message is about, e.g. the ticket of a confirmation
    kind             text        not null,
    ticket_id        uuid        not null,
    recipient_email  text        not null,
    payload          text        not null,
    status           text        not null check (status in ('QUEUED', 'SENT', 'FAILED')),
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz not null,
    last_error       text,
    message_id       text        not null unique,
    created_at       timestamptz not null,
    sent_at          timestamptz,
    unique (kind, subject_key)
);
create index delivery_due on delivery (next_attempt_at) where status = 'QUEUED';
