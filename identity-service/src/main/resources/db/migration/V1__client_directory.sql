-- The admins' client directory, built from events: every ticket with its client as the newest event about it
-- said (a replayed or late event never overwrites a newer one: version), and who registered an account.
create table client_ticket (
    ticket_id           uuid        primary key,
    version             bigint      not null,
    client_email        text        not null,  -- lower case
    client_name         text,
    client_organization text,
    open                boolean     not null,
    last_activity       timestamptz not null
);
create index client_ticket_email on client_ticket (client_email);

create table registered_client (
    email         text        primary key,  -- lower case
    name          text,
    registered_at timestamptz not null
);
