-- mail-ingest owns every inbound message, stored raw before anything else happens to it (schema "mailingest").

create table inbound_message (
    id                  uuid primary key,
    sha256              text        not null unique,
    message_id          text,
    raw                 bytea       not null,
    envelope_from       text,
    envelope_recipients text        not null,
    channel             text        not null,
    status              text        not null check (status in ('PUBLISHED', 'IGNORED', 'QUARANTINED')),
    reason              text,
    received_at         timestamptz not null
);
create index inbound_message_message_id on inbound_message (message_id);
create index inbound_message_status on inbound_message (status, received_at);
