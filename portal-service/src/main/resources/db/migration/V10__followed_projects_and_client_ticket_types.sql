-- Registered clients may follow a project whose portal profile allows it, and then read its tickets in their list
-- (title, number, Open/Closed and the public conversation; never the other client's name, address or details).
alter table portal_profile add column followable boolean not null default false;

-- The ticket types clients may choose on the web form and the "add ticket" form, by name as ticket-service has them.
-- Empty: every type of the project.
alter table portal_profile add column client_ticket_types text[] not null default '{}';

-- Who follows which project: the email is the one Keycloak verified, in lower case. Rows stay when a profile stops
-- allowing following (nothing shows then), so followers see the project again once an admin allows it again.
create table project_follower (
    id           uuid        primary key,
    project_key  text        not null,
    client_email text        not null,
    followed_at  timestamptz not null,
    constraint project_follower_once unique (project_key, client_email)
);
create index project_follower_client on project_follower (client_email);

-- Project names as ticket events carry them (the read model knows projects only by key), so the list of projects to
-- follow needs no call to ticket-service. Kept from the newest event applied (a rename shows with the next event of
-- the project); a project without tickets in the portal shows its key.
create table portal_project (
    project_key text        primary key,
    name        text        not null,
    updated_at  timestamptz not null
);
