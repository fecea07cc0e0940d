-- How an inbound mail found the ticket it became a note on, and whether a person should look at it first
-- (a reply from someone who is neither the ticket's client nor an agent on it).
alter table note add column matched_by text;
alter table note add column needs_review boolean not null default false;

-- Addresses notification-service mailed about a ticket as an agent (NotificationSent.recipientAgent): a reply
-- from one of them is that agent's, not a stranger's.
create table ticket_agent_address (
    ticket_id  uuid        not null references ticket (id),
    address    text        not null,
    agent      text        not null,
    created_at timestamptz not null default now(),
    primary key (ticket_id, address)
);
