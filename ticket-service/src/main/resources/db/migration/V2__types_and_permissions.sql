-- Ticket types, and which agents may manage each (admins see every type).

create table ticket_type (
    id                    uuid primary key,
    project_id            uuid    not null references project (id),
    name                  text    not null,
    notify_agents_on_new  boolean not null default true,
    unique (project_id, name)
);

create table ticket_type_agent (
    type_id  uuid not null references ticket_type (id),
    agent    text not null,   -- the agent's Keycloak username
    primary key (type_id, agent)
);
create index ticket_type_agent_agent on ticket_type_agent (agent);

alter table project add column default_type_id uuid references ticket_type (id);
alter table ticket add column type_id uuid references ticket_type (id);

insert into ticket_type (id, project_id, name)
values ('00000000-0000-0000-0002-000000000001', '00000000-0000-0000-0000-000000000001', 'General');
update project set default_type_id = '00000000-0000-0000-0002-000000000001'
 where id = '00000000-0000-0000-0000-000000000001';
update ticket set type_id = p.default_type_id from project p where p.id = ticket.project_id;
alter table ticket alter column type_id set not null;
create index ticket_type_recent on ticket (type_id, created_at desc, id);

-- The local realm's demo agent manages the default type.
insert into ticket_type_agent (type_id, agent) values ('00000000-0000-0000-0002-000000000001', 'agent');
