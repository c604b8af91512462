-- The ledger on PostgreSQL. Ids are unsigned 128-bit values kept as two signed 64-bit halves (high,
-- low). Indexes are kept to what the single writer's lookups and the paged account queries need: each
-- index costs every commit a B-tree insert (and, after a checkpoint, a full-page image in the WAL).

-- Accounts are updated by every batch. No index covers a balance or the flags, and a fillfactor below
-- 100 leaves room on each page, so those updates are HOT: a new row version on the same page and no
-- index insert.
CREATE TABLE accounts (
    id_high         BIGINT  NOT NULL,
    id_low          BIGINT  NOT NULL,
    user_data_high  BIGINT  NOT NULL,
    user_data_low   BIGINT  NOT NULL,
    ledger          INTEGER NOT NULL CHECK (ledger <> 0),
    code            INTEGER NOT NULL CHECK (code <> 0),
    flags           INTEGER NOT NULL,
    debits_pending  BIGINT  NOT NULL CHECK (debits_pending >= 0),
    debits_posted   BIGINT  NOT NULL CHECK (debits_posted >= 0),
    credits_pending BIGINT  NOT NULL CHECK (credits_pending >= 0),
    credits_posted  BIGINT  NOT NULL CHECK (credits_posted >= 0),
    timestamp       BIGINT  NOT NULL,
    PRIMARY KEY (id_high, id_low)
) WITH (fillfactor = 70);

-- Transfers are insert-only (pending statuses live in their own table), written by COPY.
CREATE TABLE transfers (
    id_high                BIGINT  NOT NULL,
    id_low                 BIGINT  NOT NULL,
    debit_account_id_high  BIGINT  NOT NULL,
    debit_account_id_low   BIGINT  NOT NULL,
    credit_account_id_high BIGINT  NOT NULL,
    credit_account_id_low  BIGINT  NOT NULL,
    amount                 BIGINT  NOT NULL CHECK (amount > 0),
    pending_id_high        BIGINT  NOT NULL,
    pending_id_low         BIGINT  NOT NULL,
    user_data_high         BIGINT  NOT NULL,
    user_data_low          BIGINT  NOT NULL,
    timeout_seconds        INTEGER NOT NULL CHECK (timeout_seconds >= 0),
    ledger                 INTEGER NOT NULL,
    code                   INTEGER NOT NULL,
    flags                  INTEGER NOT NULL,
    timestamp              BIGINT  NOT NULL,
    PRIMARY KEY (id_high, id_low)
);

-- An account's transfers by timestamp, one index per side.
CREATE INDEX transfers_by_debit_account
    ON transfers (debit_account_id_high, debit_account_id_low, timestamp);
CREATE INDEX transfers_by_credit_account
    ON transfers (credit_account_id_high, credit_account_id_low, timestamp);

-- Where each pending transfer stands. A table of its own keeps transfers insert-only (an update there
-- would write a new version of a wide row and three index entries); here a resolution is a HOT update
-- of a narrow row. Only pending transfers have a row.
CREATE TABLE pending_transfers (
    id_high BIGINT NOT NULL,
    id_low  BIGINT NOT NULL,
    status  TEXT   NOT NULL CHECK (status IN ('PENDING', 'POSTED', 'VOIDED', 'EXPIRED')),
    PRIMARY KEY (id_high, id_low)
) WITH (fillfactor = 70);

-- Transfer ids burnt by a failure that depended on ledger state: the command exactly as submitted, and
-- the result it got, by name (the result enum is ordered by check precedence and may grow in the middle).
CREATE TABLE transfer_failures (
    id_high                BIGINT  NOT NULL,
    id_low                 BIGINT  NOT NULL,
    debit_account_id_high  BIGINT  NOT NULL,
    debit_account_id_low   BIGINT  NOT NULL,
    credit_account_id_high BIGINT  NOT NULL,
    credit_account_id_low  BIGINT  NOT NULL,
    amount                 BIGINT  NOT NULL,
    pending_id_high        BIGINT  NOT NULL,
    pending_id_low         BIGINT  NOT NULL,
    user_data_high         BIGINT  NOT NULL,
    user_data_low          BIGINT  NOT NULL,
    timeout_seconds        INTEGER NOT NULL,
    ledger                 INTEGER NOT NULL,
    code                   INTEGER NOT NULL,
    flags                  INTEGER NOT NULL,
    timestamp              BIGINT  NOT NULL,
    result                 TEXT    NOT NULL,
    PRIMARY KEY (id_high, id_low)
);

-- Balances after each transfer for accounts with the history flag, keyed for an account's statement.
-- debited is true when the account was the transfer's debit side, false when it was the credit side.
CREATE TABLE account_balances (
    account_id_high BIGINT  NOT NULL,
    account_id_low  BIGINT  NOT NULL,
    timestamp       BIGINT  NOT NULL,
    debited         BOOLEAN NOT NULL,
    debits_pending  BIGINT  NOT NULL CHECK (debits_pending >= 0),
    debits_posted   BIGINT  NOT NULL CHECK (debits_posted >= 0),
    credits_pending BIGINT  NOT NULL CHECK (credits_pending >= 0),
    credits_posted  BIGINT  NOT NULL CHECK (credits_posted >= 0),
    PRIMARY KEY (account_id_high, account_id_low, timestamp)
);

-- The ledger clock's floor: the highest timestamp assigned so far. Exactly one row, updated by every
-- commit (HOT, thanks to the free space the fillfactor keeps).
CREATE TABLE ledger_clock (
    id             SMALLINT PRIMARY KEY CHECK (id = 1),
    last_timestamp BIGINT   NOT NULL CHECK (last_timestamp >= 0)
) WITH (fillfactor = 50);

INSERT INTO ledger_clock (id, last_timestamp) VALUES (1, 0);
