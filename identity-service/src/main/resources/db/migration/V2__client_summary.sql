-- One row per client, kept by the consumers as each event lands, so that a page of the admins' list reads a page
-- of rows instead of aggregating every ticket of every client on each request.
create table client_summary (
    email         text        primary key,  -- lower case
    name          text,
    organization  text,                     -- the one on the client's most recent ticket that names one
    registered    boolean     not null,
    tickets       bigint      not null,
    open_tickets  bigint      not null,
    last_activity timestamptz not null
);

insert into client_summary (email, name, organization, registered, tickets, open_tickets, last_activity)
with tickets as (
    select client_email as email, count(*) as tickets, count(*) filter (where open) as open_tickets,
           max(last_activity) as last_activity,
           (array_agg(client_name order by last_activity desc) filter (where client_name is not null))[1] as name,
           (array_agg(client_organization order by last_activity desc)
                filter (where client_organization is not null))[1] as organization
    from client_ticket group by client_email)
select coalesce(t.email, r.email), coalesce(r.name, t.name), t.organization, r.email is not null,
       coalesce(t.tickets, 0), coalesce(t.open_tickets, 0), coalesce(t.last_activity, r.registered_at)
from tickets t full join registered_client r on r.email = t.email;
