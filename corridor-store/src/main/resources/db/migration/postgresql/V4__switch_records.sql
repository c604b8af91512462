-- The switch's objects beside the ledger (participants, API keys, customers, payment intents, refunds,
-- idempotency records, events, webhook endpoints, deliveries): one row per object, its body in the
-- format of RecordCodec. Written by the projector in the same transaction as the ledger rows of a batch.
CREATE TABLE switch_record (
    kind TEXT  NOT NULL,
    id   TEXT  NOT NULL,
    body BYTEA NOT NULL,
    PRIMARY KEY (kind, id)
);
