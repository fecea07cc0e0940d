-- Fixed-window counters shared by every replica (web form spam, guessed links). Keys hold hashes, never
-- an address or an email in clear.
create table rate_counter (
    bucket        text        not null,
    window_start  timestamptz not null,
    hits          integer     not null,
    primary key (bucket, window_start)
);

-- How long a project's client links live; projects without a row use the configured default.
create table link_policy (
    project_key   text primary key,
    expiry_days   integer not null check (expiry_days > 0)
);

-- Who used a link and for what. The address is truncated to its network (IPv4 /24, IPv6 /48).
create table link_access (
    id              bigserial primary key,
    link_id         uuid        not null,
    ticket_id       uuid        not null,
    at              timestamptz not null,
    action          text        not null,
    client_network  text
);
create index link_access_ticket on link_access (ticket_id, at);

-- A client's rating of a closed ticket: one per ticket.
create table feedback (
    ticket_id     uuid primary key,
    link_id       uuid        not null,
    client_email  text        not null,
    rating        smallint    not null check (rating between 1 and 5),
    comment       text,
    created_at    timestamptz not null
);
