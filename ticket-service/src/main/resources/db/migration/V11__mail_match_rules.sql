-- Rules admins write for senders that strip threading headers (ticketing systems, monitoring): from a sender
-- (an address, or @domain for the domain and its subdomains), the one capture group of a pattern in a named
-- header, the subject or the body yields a ticket number (SUP-42) or the sender's own reference (an alert id).
create table mail_match_rule (
    id          uuid        primary key,
    name        text        not null,
    sender      text        not null,  -- lower case: alerts@mon.example or @mon.example
    source      text        not null check (source in ('HEADER', 'SUBJECT', 'BODY')),
    header_name text,                  -- lower case; only for HEADER
    pattern     text        not null,
    yields      text        not null check (yields in ('TICKET_NUMBER', 'EXTERNAL_REFERENCE')),
    created_at  timestamptz not null,
    check ((source = 'HEADER') = (header_name is not null))
);

-- The sender's reference a rule found on a mail of a ticket: the next mail with the same reference threads there.
-- Kept per rule (not as a custom field), so one monitoring tool's ids never collide with another's.
create table ticket_external_reference (
    rule_id    uuid        not null references mail_match_rule (id) on delete cascade,
    reference  text        not null,
    ticket_id  uuid        not null references ticket (id),
    created_at timestamptz not null,
    primary key (rule_id, reference)
);
create index ticket_external_reference_ticket on ticket_external_reference (ticket_id);
