-- ticket.search_vector (V3) has had no reader since V6 moved the inbox's search to text_vector and dropped its index,
-- yet every insert and edit of a ticket still computed its three to_tsvector calls, beside text_vector's own.
-- note.search_vector stays: the note_words trigger (V6) adds it to the ticket's notes_vector.
alter table ticket drop column search_vector;
