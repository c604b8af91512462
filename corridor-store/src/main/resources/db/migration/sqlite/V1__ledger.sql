-- The ledger on SQLite. Ids are unsigned 128-bit values kept as two signed 64-bit halves (high, low);
-- INTEGER is SQLite's 64-bit integer. STRICT makes SQLite refuse a value of the wrong type instead of
-- storing it. Indexes are kept to what the single writer's lookups and the paged account queries need:
-- each index costs every commit a B-tree insert.

-- Accounts are few and updated often; the row lives in its primary-key B-tree (WITHOUT ROWID), so a
-- balance update touches one tree only.
CREATE TABLE accounts (
    id_high         INTEGER NOT NULL,
    id_low          INTEGER NOT NULL,
    user_data_high  INTEGER NOT NULL,
    user_data_low   INTEGER NOT NULL,
    ledger          INTEGER NOT NULL CHECK (ledger <> 0),
    code            INTEGER NOT NULL CHECK (code <> 0),
    flags           INTEGER NOT NULL,
    debits_pending  INTEGER NOT NULL CHECK (debits_pending >= 0),
    debits_posted   INTEGER NOT NULL CHECK (debits_posted >= 0),
    credits_pending INTEGER NOT NULL CHECK (credits_pending >= 0),
    credits_posted  INTEGER NOT NULL CHECK (credits_posted >= 0),
    timestamp       INTEGER NOT NULL,
    PRIMARY KEY (id_high, id_low)
) STRICT, WITHOUT ROWID;

-- Transfers are insert-only. Their timestamps are unique and strictly increasing (one clock for every
-- event), so the timestamp is the rowid, as TigerBeetle keys its objects: every insert appends at the
-- right edge of the table B-tree, a restore reads the table in timestamp order without sorting, and each
-- secondary index entry ends with the timestamp for free. The id gets a unique index of its own.
CREATE TABLE transfers (
    timestamp              INTEGER PRIMARY KEY,
    id_high                INTEGER NOT NULL,
    id_low                 INTEGER NOT NULL,
    debit_account_id_high  INTEGER NOT NULL,
    debit_account_id_low   INTEGER NOT NULL,
    credit_account_id_high INTEGER NOT NULL,
    credit_account_id_low  INTEGER NOT NULL,
    amount                 INTEGER NOT NULL CHECK (amount > 0),
    pending_id_high        INTEGER NOT NULL,
    pending_id_low         INTEGER NOT NULL,
    user_data_high         INTEGER NOT NULL,
    user_data_low          INTEGER NOT NULL,
    timeout_seconds        INTEGER NOT NULL CHECK (timeout_seconds >= 0),
    ledger                 INTEGER NOT NULL,
    code                   INTEGER NOT NULL,
    flags                  INTEGER NOT NULL
) STRICT;

CREATE UNIQUE INDEX transfers_by_id ON transfers (id_high, id_low);
-- An account's transfers by timestamp: the rowid (the timestamp) ends every index entry.
CREATE INDEX transfers_by_debit_account ON transfers (debit_account_id_high, debit_account_id_low);
CREATE INDEX transfers_by_credit_account ON transfers (credit_account_id_high, credit_account_id_low);

-- Where each pending transfer stands. A table of its own keeps transfers insert-only; only pending
-- transfers have a row, written once when created and updated once when posted, voided or expired.
CREATE TABLE pending_transfers (
    id_high INTEGER NOT NULL,
    id_low  INTEGER NOT NULL,
    status  TEXT    NOT NULL CHECK (status IN ('PENDING', 'POSTED', 'VOIDED', 'EXPIRED')),
    PRIMARY KEY (id_high, id_low)
) STRICT, WITHOUT ROWID;

-- Transfer ids burnt by a failure that depended on ledger state: the command exactly as submitted, and
-- the result it got, by name (the result enum is ordered by check precedence and may grow in the middle).
CREATE TABLE transfer_failures (
    id_high                INTEGER NOT NULL,
    id_low                 INTEGER NOT NULL,
    debit_account_id_high  INTEGER NOT NULL,
    debit_account_id_low   INTEGER NOT NULL,
    credit_account_id_high INTEGER NOT NULL,
    credit_account_id_low  INTEGER NOT NULL,
    amount                 INTEGER NOT NULL,
    pending_id_high        INTEGER NOT NULL,
    pending_id_low         INTEGER NOT NULL,
    user_data_high         INTEGER NOT NULL,
    user_data_low          INTEGER NOT NULL,
    timeout_seconds        INTEGER NOT NULL,
    ledger                 INTEGER NOT NULL,
    code                   INTEGER NOT NULL,
    flags                  INTEGER NOT NULL,
    timestamp              INTEGER NOT NULL,
    result                 TEXT    NOT NULL,
    PRIMARY KEY (id_high, id_low)
) STRICT, WITHOUT ROWID;

-- Balances after each transfer for accounts with the history flag, keyed for an account's statement.
-- debited is 1 when the account was the transfer's debit side, 0 when it was the credit side.
CREATE TABLE account_balances (
    account_id_high INTEGER NOT NULL,
    account_id_low  INTEGER NOT NULL,
    timestamp       INTEGER NOT NULL,
    debited         INTEGER NOT NULL CHECK (debited IN (0, 1)),
    debits_pending  INTEGER NOT NULL CHECK (debits_pending >= 0),
    debits_posted   INTEGER NOT NULL CHECK (debits_posted >= 0),
    credits_pending INTEGER NOT NULL CHECK (credits_pending >= 0),
    credits_posted  INTEGER NOT NULL CHECK (credits_posted >= 0),
    PRIMARY KEY (account_id_high, account_id_low, timestamp)
) STRICT, WITHOUT ROWID;

-- The ledger clock's floor: the highest timestamp assigned so far. Exactly one row.
CREATE TABLE ledger_clock (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    last_timestamp INTEGER NOT NULL CHECK (last_timestamp >= 0)
) STRICT;

INSERT INTO ledger_clock (id, last_timestamp) VALUES (1, 0);
