-- The batch log: each committed batch as one row, durable before the batch is acknowledged. The tables
-- are written from it afterwards, in larger transactions, off the acknowledgement path.
CREATE TABLE batch_log (
    sequence BIGINT PRIMARY KEY CHECK (sequence > 0),
    entry    BYTEA  NOT NULL
);

-- How far the tables are: every batch up to and including this sequence number. Updated in the same
-- transaction as the rows it covers, so a crash leaves the two in step.
CREATE TABLE ledger_projection (
    id       SMALLINT PRIMARY KEY CHECK (id = 1),
    sequence BIGINT   NOT NULL CHECK (sequence >= 0)
) WITH (fillfactor = 50);

INSERT INTO ledger_projection (id, sequence) VALUES (1, 0);
