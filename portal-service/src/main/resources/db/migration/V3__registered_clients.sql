-- Clients who registered an account from a ticket link (the account itself lives in Keycloak). The email is
-- kept in lower case; the offer to register is not shown to them again.
create table registered_client (
    email          text primary key,
    name           text        not null,
    registered_at  timestamptz not null
);
