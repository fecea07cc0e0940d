-- The parsed sender of each message, so that bursts from one sender can be recognized (and admins can search).
alter table inbound_message add column from_address text;
create index inbound_message_sender on inbound_message (from_address, received_at);
