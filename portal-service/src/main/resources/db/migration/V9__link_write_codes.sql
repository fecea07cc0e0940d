-- A project may ask a browser to prove it reads the client's mailbox before it writes through a link: a link
-- forwarded to someone else then reads but cannot write. Off by default.
alter table link_policy add column write_code_required boolean not null default false;

-- The current one-time code of a link (a new request replaces it). Only an HMAC of the code is kept, made when
-- notification-service fetches the code to mail it (null before); a code stops working after its expiry or its
-- fifth wrong try.
create table link_write_code (
    link_id       uuid primary key references access_link (id) on delete cascade,
    request_id    uuid        not null,
    code_hash     text,
    created_at    timestamptz not null,
    expires_at    timestamptz not null,
    wrong_tries   integer     not null default 0
);
create unique index link_write_code_request on link_write_code (request_id);

-- Browsers that entered a correct code for a link: the hash of the random value of their cookie. Revoking the
-- link removes them; a new link starts with none.
create table link_trusted_browser (
    cookie_hash   text primary key,
    link_id       uuid        not null references access_link (id) on delete cascade,
    trusted_at    timestamptz not null
);
create index link_trusted_browser_link on link_trusted_browser (link_id);
