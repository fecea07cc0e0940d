-- ticket-service owns the tickets and everything that hangs off them (schema "ticket").

create table project (
    id               uuid primary key,
    key              text        not null unique check (key ~ '^[A-Z][A-Z0-9]{1,9}$'),
    name             text        not null,
    inbound_address  text        not null unique,
    is_default       boolean     not null default false,
    next_number      integer     not null default 1,
    created_at       timestamptz not null default now()
);
create unique index project_single_default on project (is_default) where is_default;

create table workflow_stage (
    id          uuid primary key,
    project_id  uuid    not null references project (id),
    name        text    not null,
    position    integer not null,
    unique (project_id, position)
);

create table ticket (
    id                uuid primary key,
    project_id        uuid        not null references project (id),
    number            integer     not null,
    title             text        not null,
    description       text        not null,
    client_email      text        not null,
    client_name       text,
    stage_id          uuid        not null references workflow_stage (id),
    status            text        not null check (status in ('OPEN', 'CLOSED')),
    source            text        not null,
    unread_by_agent   boolean     not null,
    thread_message_id text        not null,
    version           bigint      not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    unique (project_id, number)
);
create index ticket_client_email on ticket (lower(client_email));
create index ticket_recent on ticket (created_at desc, id);

create table note (
    id           uuid primary key,
    ticket_id    uuid        not null references ticket (id),
    author_type  text        not null check (author_type in ('AGENT', 'CLIENT', 'SYSTEM')),
    author_name  text,
    author_email text,
    body         text        not null,
    public_note  boolean     not null,
    message_id   text,
    created_at   timestamptz not null
);
create index note_ticket on note (ticket_id, created_at);

-- Every Message-ID that opened or joined a ticket, so replies thread onto the right one.
create table mail_reference (
    message_id  text primary key,
    ticket_id   uuid        not null references ticket (id),
    created_at  timestamptz not null default now()
);

create table ticket_history (
    id          bigserial primary key,
    ticket_id   uuid        not null references ticket (id),
    actor       text        not null,
    action      text        not null,
    detail      text,
    at          timestamptz not null
);
create index ticket_history_ticket on ticket_history (ticket_id, id);

-- The default project of a fresh installation; the launcher's mail domain is relaydesk.test.
insert into project (id, key, name, inbound_address, is_default)
values ('00000000-0000-0000-0000-000000000001', 'SUP', 'Support', 'support@relaydesk.test', true);
insert into workflow_stage (id, project_id, name, position) values
    ('00000000-0000-0000-0001-000000000001', '00000000-0000-0000-0000-000000000001', 'New', 0),
    ('00000000-0000-0000-0001-000000000002', '00000000-0000-0000-0000-000000000001', 'In progress', 1),
    ('00000000-0000-0000-0001-000000000003', '00000000-0000-0000-0000-000000000001', 'Closed', 2);
