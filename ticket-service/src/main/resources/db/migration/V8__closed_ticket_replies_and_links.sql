-- What a client's mailed reply to a closed ticket does, per project: REOPEN the ticket if it closed no more than
-- reopen_grace_days ago (later: as NEW_LINKED), open a NEW_LINKED ticket that follows up the closed one, or
-- ANSWER_WITH_TEMPLATE (notification-service answers; the ticket only gets a private record). Existing projects
-- reopen within 14 days.
alter table project add column closed_reply_policy text not null default 'REOPEN'
    check (closed_reply_policy in ('REOPEN', 'NEW_LINKED', 'ANSWER_WITH_TEMPLATE'));
alter table project add column reopen_grace_days integer not null default 14
    check (reopen_grace_days between 0 and 3650);

-- When the ticket last moved into the closing stage; null while open. For tickets closed before this column
-- existed: their last stage change (the one that closed them), else their last update.
alter table ticket add column closed_at timestamptz;
update ticket t set closed_at = coalesce(
        (select max(h.at) from ticket_history h where h.ticket_id = t.id and h.action = 'stage'), t.updated_at)
    where t.status = 'CLOSED';

-- Tickets that belong together, from the newer one to the older one it points at: FOLLOW_UP (a client's reply to
-- a closed ticket opened it), SUBJECT_NUMBER (its mail named the older ticket's number, but its sender was
-- neither that ticket's client nor an agent on it, so it could not be trusted to write there).
create table ticket_link (
    ticket_id        uuid        not null references ticket (id),
    linked_ticket_id uuid        not null references ticket (id),
    kind             text        not null check (kind in ('FOLLOW_UP', 'SUBJECT_NUMBER')),
    created_at       timestamptz not null,
    primary key (ticket_id, linked_ticket_id),
    check (ticket_id <> linked_ticket_id)
);
create index ticket_link_linked on ticket_link (linked_ticket_id);
