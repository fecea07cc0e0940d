-- The machine's raw limit: one single-row INSERT per transaction, the shape of the smallest durable write.
insert into bench_raw.ticket_like (id, title, description, client_email, created_at)
values (gen_random_uuid(), 'Printer on floor 3 prints blank pages', 'Since this morning every page comes out blank.',
        'bench.client@example.com', now());
