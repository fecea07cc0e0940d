-- portal-service: the client-facing read model of tickets, and the secret per-ticket links (schema "portal").

create table portal_ticket (
    ticket_id     uuid primary key,
    number        text        not null,
    project_key   text        not null,
    title         text        not null,
    description   text,
    client_email  text        not null,
    client_name   text,
    status        text        not null,
    version       bigint      not null,
    created_at    timestamptz,
    updated_at    timestamptz not null
);
create index portal_ticket_client on portal_ticket (lower(client_email));

-- Only public notes ever get here.
create table portal_note (
    note_id      uuid primary key,
    ticket_id    uuid        not null,
    author_type  text        not null,
    author_name  text,
    body         text        not null,
    created_at   timestamptz not null
);
create index portal_note_ticket on portal_note (ticket_id, created_at);

-- A link's token is never stored, only its SHA-256; one link opens one ticket for one client.
create table access_link (
    id            uuid primary key,
    ticket_id     uuid        not null,
    client_email  text        not null,
    token_hash    text        not null unique,
    created_at    timestamptz not null,
    revoked_at    timestamptz
);
create index access_link_ticket on access_link (ticket_id);
