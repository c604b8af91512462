-- The tables are written from the batch log (a file of its own beside this one) after each batch is
-- durable there. This row says how far they are: every batch up to and including this sequence number.
-- It is updated in the same transaction as the rows it covers, so a crash leaves the two in step.
CREATE TABLE ledger_projection (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    sequence INTEGER NOT NULL CHECK (sequence >= 0)
) STRICT;

INSERT INTO ledger_projection (id, sequence) VALUES (1, 0);
