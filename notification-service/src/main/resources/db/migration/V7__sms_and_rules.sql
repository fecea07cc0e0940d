-- SMS goes through the same delivery log as mail; automated actions (rules admins define) queue either.
alter table delivery add column channel text not null default 'EMAIL' check (channel in ('EMAIL', 'SMS'));
alter table delivery add column recipient_phone text;           -- E.164, for SMS
alter table delivery add column sms_parts_sent integer not null default 0; -- a retry never resends a part
alter table delivery add column rule_id uuid;                   -- the rule that queued it, if any
alter table delivery add column event_type text;                -- the payload's event type, for rule deliveries
alter table delivery drop constraint delivery_has_recipient;
alter table delivery add constraint delivery_has_recipient
    check (recipient_email is not null or recipient_agent is not null or recipient_phone is not null);

-- Rules see a ticket's type and priority on events that do not carry them (a note added).
alter table known_ticket add column type text;
alter table known_ticket add column priority text;

create table notification_rule (
    id             uuid primary key,
    name           text        not null,
    on_event       text        not null,
    project_key    text,       -- conditions: null means any
    ticket_type    text,
    stage          text,
    priority       text,
    channel        text        not null check (channel in ('EMAIL', 'SMS')),
    audience       text        not null check (audience in ('CLIENT', 'ASSIGNEES', 'FIXED')),
    fixed_address  text,       -- an email address or an E.164 number, for audience FIXED
    subject        text,       -- Qute, email only
    body           text        not null, -- Qute, plain text
    created_at     timestamptz not null,
    created_by     text
);
create index notification_rule_by_event on notification_rule (on_event);
