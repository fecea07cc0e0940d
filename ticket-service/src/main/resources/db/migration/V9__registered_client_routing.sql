-- Clients who registered an account (ClientRegistered, from portal-service), by address in lower case.
create table registered_client (
    email         text        primary key,
    name          text,
    registered_at timestamptz not null
);

-- Where a registered client's new mail goes when it was not sent to one project's own address: the single row
-- an admin edits through /api/admin/mail-routing (no project: the default project, as for everyone else).
create table mail_routing (
    id                            smallint    primary key check (id = 1),
    registered_clients_project_id uuid        references project (id),
    updated_at                    timestamptz not null default now()
);
insert into mail_routing (id) values (1);
