-- Addresses our mail could not be delivered to (MailBounced, from mail-ingest's delivery reports), until mail
-- from the address arrives again. Agents see the mark on the tickets of that address.
create table failing_address (
    address    text        primary key,  -- lower case
    status     text,
    diagnostic text,
    bounced_at timestamptz not null,
    bounces    integer     not null default 1
);
