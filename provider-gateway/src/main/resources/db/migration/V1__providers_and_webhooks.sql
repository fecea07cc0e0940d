-- provider-gateway (schema "provider_gateway"): the providers admins configure and the webhooks it delivers.

-- One row per configured provider. Built-in providers need no URL; external ones are a web service the gateway
-- calls with a signed request, bounded by timeout_ms, with the admin's fallback when it does not answer in time.
-- (Filled by the screening, custom-field and user-information providers; the events provider is webhook_subscription.)
create table provider (
    id                 uuid        primary key,
    kind               text        not null check (kind in ('LOGIN', 'REGISTRATION', 'CUSTOM_FIELDS',
                                                            'TICKET_SCREENING', 'USER_INFORMATION')),
    mode               text        not null check (mode in ('BUILT_IN', 'EXTERNAL')),
    url                text,
    secret             text,                       -- whsec_..., write-only through the API
    timeout_ms         integer     not null default 2000 check (timeout_ms > 0),
    fallback           text        check (fallback in ('ACCEPT_UNCHANGED', 'REJECT')),
    cache_ttl_seconds  integer     check (cache_ttl_seconds >= 0),
    enabled            boolean     not null default true,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    check (mode = 'BUILT_IN' or (url is not null and secret is not null))
);
create unique index provider_one_enabled_per_kind on provider (kind) where enabled;

-- An admin's subscription: these event types (of this project, when set) are POSTed to the URL, signed.
create table webhook_subscription (
    id           uuid        primary key,
    url          text        not null,
    secret       text        not null,             -- whsec_..., write-only through the API
    project_key  text,                             -- null: every project
    enabled      boolean     not null,
    created_at   timestamptz not null,
    updated_at   timestamptz not null
);

create table webhook_subscription_event_type (
    subscription_id  uuid not null references webhook_subscription (id) on delete cascade,
    event_type       text not null,                -- the event's topic name, e.g. TicketCreated
    primary key (subscription_id, event_type)
);

-- One event owed to one subscription, and its delivery log (last attempt's outcome).
create table webhook_delivery (
    id                uuid        primary key,
    position          bigserial   not null unique, -- queue order among deliveries of the same ticket version
    subscription_id   uuid        not null references webhook_subscription (id) on delete cascade,
    event_id          text        not null,        -- the CloudEvent id; the webhook-id receivers dedupe on
    event_type        text        not null,
    ticket_id         uuid        not null,
    ticket_version    bigint      not null,
    payload           text        not null,        -- the exact body sent, fixed when queued
    status            text        not null check (status in ('PENDING', 'DELIVERED', 'DEAD')),
    attempts          integer     not null default 0,
    next_attempt_at   timestamptz not null,
    last_attempt_at   timestamptz,
    last_status_code  integer,
    last_latency_ms   bigint,
    last_error        text,
    created_at        timestamptz not null,
    delivered_at      timestamptz,
    unique (subscription_id, event_id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_ticket_queue on webhook_delivery (subscription_id, ticket_id, ticket_version, position)
    where status = 'PENDING';
create index webhook_delivery_log on webhook_delivery (subscription_id, created_at desc);
