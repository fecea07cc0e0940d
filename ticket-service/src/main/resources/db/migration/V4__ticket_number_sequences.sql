-- Ticket numbers come from one sequence per project instead of a counter row locked until commit: creations in
-- one project no longer queue behind each other's commits. A creation that rolls back leaves a gap in the
-- numbers, which is harmless (numbers are names, not counts).
do $$
declare
    p record;
begin
    for p in select key, next_number from project loop
        execute format('create sequence %I start with %s', 'ticket_number_' || lower(p.key), p.next_number);
    end loop;
end $$;
alter table project drop column next_number;
