-- :tickets tickets in the default project (SUP), spread over 90 days of activity, about a fifth unread, a
-- third assigned to the demo agent, a quarter closed; titles and descriptions varied enough for the search.
-- Every row is marked by its client address (@inbox.bench) so the run can remove them again.
insert into ticket.ticket (id, project_id, number, title, description, client_email, client_name, stage_id,
                           status, source, unread_by_agent, thread_message_id, version, created_at, updated_at,
                           type_id, priority, custom_fields)
select gen_random_uuid(), p.id, nextval('ticket.ticket_number_sup'),
       (array['Printer', 'Scanner', 'Laptop', 'Monitor', 'VPN', 'Mailbox', 'Invoice', 'Password'])[1 + i % 8]
           || ' ' || (array['does not start', 'is slow', 'shows error E' || (i % 97), 'needs replacing',
                            'question about billing', 'locked out'])[1 + i % 6],
       'Bench ticket ' || i || ': since this morning nothing works as it should, please help.',
       'client' || (i % 20000) || '@inbox.bench', 'Bench Client ' || (i % 20000),
       case when i % 4 = 0 then closing.id else first.id end,
       case when i % 4 = 0 then 'CLOSED' else 'OPEN' end,
       'EMAIL', i % 5 = 0 and i % 4 <> 0, i || '@inbox.bench', 0,
       now() - (i % 129600) * interval '1 minute' - interval '1 day',
       now() - (i % 129600) * interval '1 minute',
       p.default_type_id,
       (array['LOW', 'NORMAL', 'NORMAL', 'HIGH', 'URGENT'])[1 + i % 5], '{}'::jsonb
  from generate_series(1, :tickets) as i,
       ticket.project p,
       lateral (select s.id from ticket.workflow_stage s where s.project_id = p.id order by s.position limit 1) first,
       lateral (select s.id from ticket.workflow_stage s where s.project_id = p.id order by s.position desc limit 1) closing
 where p.key = 'SUP';

insert into ticket.ticket_assignee (ticket_id, agent, assigned_at)
select t.id, 'agent', t.created_at from ticket.ticket t
 where t.client_email like '%@inbox.bench' and t.number % 3 = 0
on conflict do nothing;

-- A conversation on each: the client's mail and an agent's public reply. The order number in the client's
-- mail is unique to its ticket, so a search for it is the rare-word case (one hit in 100,000).
insert into ticket.note (id, ticket_id, author_type, author_name, author_email, body, public_note, created_at)
select gen_random_uuid(), t.id, 'CLIENT', t.client_name, t.client_email,
       'Hello, about order ORD' || t.number || ': I restarted it twice, the ' || lower(split_part(t.title, ' ', 1))
           || ' still fails. Regards', true, t.created_at
  from ticket.ticket t where t.client_email like '%@inbox.bench'
union all
select gen_random_uuid(), t.id, 'AGENT', 'Agent', null,
       'Thanks for the details, we are looking into the ' || lower(split_part(t.title, ' ', 1)) || ' now.',
       true, t.updated_at
  from ticket.ticket t where t.client_email like '%@inbox.bench';

-- A second agent with a handful of tickets: "assigned to me" is then the rare case, not a third of all.
insert into ticket.ticket_assignee (ticket_id, agent, assigned_at)
select t.id, 'agent2', t.created_at from ticket.ticket t
 where t.client_email like '%@inbox.bench' and t.number % 5000 = 7
on conflict do nothing;

analyze ticket.ticket;
analyze ticket.note;
analyze ticket.ticket_assignee;
