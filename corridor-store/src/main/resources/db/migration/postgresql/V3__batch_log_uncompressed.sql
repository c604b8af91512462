-- A batch log entry is written once and read back only by recovery: compressing it (TOAST's default for
-- values over about 2 KiB) would spend the database's CPU on every acknowledgement for nothing.
ALTER TABLE batch_log ALTER COLUMN entry SET STORAGE EXTERNAL;
