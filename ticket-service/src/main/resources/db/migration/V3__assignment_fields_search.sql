-- Priority, the client's organization, assignees, typed custom fields, full-text search and API
-- idempotency keys.

alter table ticket add column priority text not null default 'NORMAL'
    check (priority in ('LOW', 'NORMAL', 'HIGH', 'URGENT'));
alter table ticket add column client_organization text;
-- Custom field values by field key; the project's field definitions say which keys and types are valid.
alter table ticket add column custom_fields jsonb not null default '{}'::jsonb;

-- 'simple' (no stemming) because clients write in many languages; the number is searchable as text too.
alter table ticket add column search_vector tsvector generated always as (
    setweight(to_tsvector('simple', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('simple', coalesce(client_email, '') || ' ' || coalesce(client_name, '') || ' '
                                    || coalesce(client_organization, '')), 'B') ||
    setweight(to_tsvector('simple', coalesce(description, '')), 'C')) stored;
create index ticket_search on ticket using gin (search_vector);
alter table note add column search_vector tsvector generated always as (to_tsvector('simple', body)) stored;
create index note_search on note using gin (search_vector);

-- The inbox's usual orders and filters, newest activity first.
create index ticket_updated on ticket (updated_at desc, id desc);
create index ticket_unread on ticket (updated_at desc, id desc) where unread_by_agent;

create table ticket_assignee (
    ticket_id    uuid        not null references ticket (id),
    agent        text        not null,   -- the agent's Keycloak username
    assigned_at  timestamptz not null,
    primary key (ticket_id, agent)
);
create index ticket_assignee_agent on ticket_assignee (agent);

create table custom_field (
    id          uuid primary key,
    project_id  uuid    not null references project (id),
    key         text    not null check (key ~ '^[a-z][a-zA-Z0-9_]{0,39}$'),
    label       text    not null,
    field_type  text    not null check (field_type in ('TEXT', 'NUMBER', 'DATE', 'SELECT')),
    required    boolean not null default false,
    options     text[]  not null default '{}',   -- the choices of a SELECT field
    position    integer not null,
    unique (project_id, key)
);

-- A client of the API may send Idempotency-Key on creation; a retry gets the ticket the first call made.
create table api_idempotency_key (
    key         text primary key,
    ticket_id   uuid        not null references ticket (id),
    created_at  timestamptz not null default now()
);
