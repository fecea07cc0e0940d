-- The delivery log admins read: a delivery is QUEUED (not tried yet), FAILED (an attempt failed, the next
-- one is scheduled), SENT or GIVEN_UP; every attempt is kept with the SMTP server's answer.
alter table delivery drop constraint delivery_status_check;
update delivery set status = 'GIVEN_UP' where status = 'FAILED';
alter table delivery add constraint delivery_status_check check (status in ('QUEUED', 'FAILED', 'SENT', 'GIVEN_UP'));
drop index delivery_due;
create index delivery_due on delivery (next_attempt_at) where status in ('QUEUED', 'FAILED');
create index delivery_by_status on delivery (status, created_at desc);

create table delivery_attempt (
    delivery_id   uuid        not null references delivery (id),
    attempt       integer     not null,
    attempted_at  timestamptz not null,
    outcome       text        not null check (outcome in ('SENT', 'FAILED')),
    answer        text,      -- the SMTP server's reply, or why there was none
    primary key (delivery_id, attempt)
);
