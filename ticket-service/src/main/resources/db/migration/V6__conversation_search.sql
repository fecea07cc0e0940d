-- Text search over a ticket and its whole conversation as one column with one index. Searching notes
-- through a subquery made a rare word walk the whole inbox (bench/inbox, 100,000 tickets: 250 ms for an order
-- number found in one note), and a word in every conversation read every note (200 ms).
--
-- notes_vector: the words of the ticket's notes (private ones too: only agents search), kept by a trigger.
-- Positions are stripped: the inbox orders by activity, not by rank, and a stripped vector stays small.
alter table ticket add column notes_vector tsvector not null default ''::tsvector;

update ticket t
   set notes_vector = strip(n.words)
  from (select ticket_id, to_tsvector('simple', string_agg(body, ' ')) as words from note group by ticket_id) n
 where n.ticket_id = t.id;

-- text_vector: what the inbox's search matches, the ticket's own fields (as search_vector) and its notes.
alter table ticket add column text_vector tsvector generated always as (
    setweight(to_tsvector('simple', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('simple', coalesce(client_email, '') || ' ' || coalesce(client_name, '') || ' '
                                    || coalesce(client_organization, '')), 'B') ||
    setweight(to_tsvector('simple', coalesce(description, '')), 'C') ||
    notes_vector) stored;
create index ticket_text on ticket using gin (text_vector);

-- SET search_path FROM CURRENT: the trigger finds the service's schema (as Flyway set it) whoever inserts a note.
create function ticket_note_words() returns trigger language plpgsql set search_path from current as $$
begin
    update ticket set notes_vector = strip(notes_vector || new.search_vector) where id = new.ticket_id;
    return null;
exception when program_limit_exceeded then
    -- a conversation too large to index further keeps the words it had; the note itself is never refused
    return null;
end
$$;

create trigger note_words after insert on note for each row execute function ticket_note_words();

-- Searches no longer read these two indexes; every write kept paying for them.
drop index ticket_search;
drop index note_search;
