-- How far each polled IMAP mailbox has been read. A UID is only meaningful with its mailbox's UIDVALIDITY:
-- when the server changes it, reading restarts from the first message (the content/Message-ID dedupe of
-- inbound_message keeps the re-read messages from being stored twice).

create table imap_checkpoint (
    mailbox      text primary key,
    uid_validity bigint      not null,
    last_uid     bigint      not null,
    updated_at   timestamptz not null
);
