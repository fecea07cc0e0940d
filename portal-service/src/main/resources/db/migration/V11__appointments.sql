-- Clients book a call about their ticket from its link page, where the project's admins switched booking on.
-- Opening hours are kept as "MONDAY 09:00-12:00" lines, read in the project's time zone; a project without a row
-- offers no booking.
create table booking_settings (
    project_key    text        primary key,
    enabled        boolean     not null,
    time_zone      text        not null,
    opening_hours  text[]      not null default '{}',
    slot_minutes   integer     not null check (slot_minutes between 5 and 480),
    days_ahead     integer     not null check (days_ahead between 1 and 365),
    capacity       integer     not null check (capacity between 1 and 50),
    updated_at     timestamptz not null
);

-- A booked call. A slot holds as many calls as the project has agents for it (capacity): each booking takes one seat
-- of its slot, and a seat is taken at most once among live bookings (the unique index), so two clients racing for
-- the last seat cannot both get it. A ticket has at most one live booking.
create table appointment (
    id            uuid        primary key,
    ticket_id     uuid        not null,
    project_key   text        not null,
    client_email  text        not null,
    starts_at     timestamptz not null,
    ends_at       timestamptz not null,
    seat          integer     not null check (seat > 0),
    booked_at     timestamptz not null,
    cancelled_at  timestamptz
);
create unique index appointment_live_seat on appointment (project_key, starts_at, seat) where cancelled_at is null;
create unique index appointment_live_per_ticket on appointment (ticket_id) where cancelled_at is null;
create index appointment_upcoming on appointment (project_key, starts_at) where cancelled_at is null;
