package org.corridor.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.corridor.core.Id128;
import org.corridor.core.ledger.Account;
import org.corridor.core.ledger.AccountBalance;
import org.corridor.core.ledger.CreateTransferResult;
import org.corridor.core.ledger.FailedTransfer;
import org.corridor.core.ledger.LedgerChanges;
import org.corridor.core.ledger.PendingResolution;
import org.corridor.core.ledger.PendingStatus;
import org.corridor.core.ledger.Transfer;
import org.corridor.core.state.RecordKind;
import org.corridor.store.records.RecordRow;

/**
 * One batch's {@link LoggedBatch} (ledger changes and object rows) as bytes, for the batch log: fixed-width big-endian fields, a format
 * version first, and enums by name (their declaration order is a precedence order that may grow in the
 * middle, so ordinals would not be stable).
 */
final class BatchCodec {
    /** Version 2 appends the batch's object rows; version 1 entries (ledger only) still decode. */
    private static final int FORMAT_VERSION = 2;
    private static final int LEDGER_ONLY_VERSION = 1;
    /** A decoded object row larger than this means the bytes are not a batch. */
    private static final int RECORD_BYTES_MAX = 1 << 22;
    /** A decoded list longer than this means the bytes are not a batch: fail before allocating. */
    private static final int LIST_LENGTH_MAX = 1 << 24;
    /** Encoded size of a transfer: five ids, the amount, four ints and the timestamp. */
    private static final int TRANSFER_BYTES = 5 * 16 + 8 + 4 * 4 + 8;

    private BatchCodec() {}

    static byte[] encode(LoggedBatch batch) {
        LedgerChanges changes = batch.ledger();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + changes.transfersCreated().size() * TRANSFER_BYTES
                + changes.accountsUpdated().size() * 96);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_VERSION);
            out.writeLong(changes.lastTimestamp());
            out.writeInt(changes.accountsCreated().size());
            for (Account account : changes.accountsCreated()) writeAccount(out, account);
            out.writeInt(changes.accountsUpdated().size());
            for (Account account : changes.accountsUpdated()) writeAccount(out, account);
            out.writeInt(changes.transfersCreated().size());
            for (Transfer transfer : changes.transfersCreated()) writeTransfer(out, transfer);
            out.writeInt(changes.pendingResolutions().size());
            for (PendingResolution resolution : changes.pendingResolutions()) {
                writeId(out, resolution.pendingId());
                out.writeUTF(resolution.status().name());
            }
            out.writeInt(changes.transfersFailed().size());
            for (FailedTransfer failure : changes.transfersFailed()) {
                writeTransfer(out, failure.transfer());
                out.writeUTF(failure.result().name());
            }
            out.writeInt(changes.balanceHistory().size());
            for (AccountBalance balance : changes.balanceHistory()) {
                writeId(out, balance.accountId());
                out.writeLong(balance.timestamp());
                out.writeBoolean(balance.debited());
                out.writeLong(balance.debitsPending());
                out.writeLong(balance.debitsPosted());
                out.writeLong(balance.creditsPending());
                out.writeLong(balance.creditsPosted());
            }
            out.writeInt(batch.records().size());
            for (RecordRow row : batch.records()) {
                out.writeUTF(row.kind().storedName());
                out.writeUTF(row.id());
                out.writeInt(row.body() == null ? -1 : row.body().length);
                if (row.body() != null) out.write(row.body());
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    /** Decodes a batch; bytes that are not one give a {@link StoreException} naming what was wrong. */
    static LoggedBatch decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int version = in.readUnsignedByte();
            if (version != FORMAT_VERSION && version != LEDGER_ONLY_VERSION) {
                throw new IOException("format version " + version + ", expected " + FORMAT_VERSION);
            }
            long lastTimestamp = in.readLong();
            List<Account> created = readList(in, BatchCodec::readAccount);
            List<Account> updated = readList(in, BatchCodec::readAccount);
            List<Transfer> transfers = readList(in, BatchCodec::readTransfer);
            List<PendingResolution> resolutions = readList(in,
                    input -> new PendingResolution(readId(input), PendingStatus.valueOf(input.readUTF())));
            List<FailedTransfer> failures = readList(in,
                    input -> new FailedTransfer(readTransfer(input), CreateTransferResult.valueOf(input.readUTF())));
            List<AccountBalance> history = readList(in, input -> new AccountBalance(readId(input), input.readLong(),
                    input.readBoolean(), input.readLong(), input.readLong(), input.readLong(), input.readLong()));
            List<RecordRow> records = version == LEDGER_ONLY_VERSION ? List.of() : readList(in, BatchCodec::readRecord);
            if (in.read() != -1) throw new IOException("bytes after the last field");
            return new LoggedBatch(
                    new LedgerChanges(created, updated, transfers, resolutions, failures, history, lastTimestamp),
                    records);
        } catch (IOException | IllegalArgumentException e) {
            throw new StoreException("a batch log entry is corrupt: " + e.getMessage(), e);
        }
    }

    private static RecordRow readRecord(DataInputStream in) throws IOException {
        RecordKind kind = RecordKind.ofStoredName(in.readUTF());
        String id = in.readUTF();
        int length = in.readInt();
        if (length < -1 || length > RECORD_BYTES_MAX) throw new IOException("an object row of " + length + " bytes");
        return new RecordRow(kind, id, length < 0 ? null : in.readNBytes(length));
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static <T> List<T> readList(DataInputStream in, Reader<T> reader) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > LIST_LENGTH_MAX) throw new IOException("a list of " + length + " entries");
        List<T> list = new ArrayList<>(length);
        for (int i = 0; i < length; i++) list.add(reader.read(in));
        return list;
    }

    private static void writeId(DataOutputStream out, Id128 id) throws IOException {
        out.writeLong(id.high());
        out.writeLong(id.low());
    }

    private static Id128 readId(DataInputStream in) throws IOException {
        return new Id128(in.readLong(), in.readLong());
    }

    private static void writeAccount(DataOutputStream out, Account a) throws IOException {
        writeId(out, a.id());
        writeId(out, a.userData());
        out.writeInt(a.ledger());
        out.writeInt(a.code());
        out.writeInt(a.flags());
        out.writeLong(a.debitsPending());
        out.writeLong(a.debitsPosted());
        out.writeLong(a.creditsPending());
        out.writeLong(a.creditsPosted());
        out.writeLong(a.timestamp());
    }

    private static Account readAccount(DataInputStream in) throws IOException {
        return new Account(readId(in), readId(in), in.readInt(), in.readInt(), in.readInt(), in.readLong(),
                in.readLong(), in.readLong(), in.readLong(), in.readLong());
    }

    private static void writeTransfer(DataOutputStream out, Transfer t) throws IOException {
        writeId(out, t.id());
        writeId(out, t.debitAccountId());
        writeId(out, t.creditAccountId());
        out.writeLong(t.amount());
        writeId(out, t.pendingId());
        writeId(out, t.userData());
        out.writeInt(t.timeoutSeconds());
        out.writeInt(t.ledger());
        out.writeInt(t.code());
        out.writeInt(t.flags());
        out.writeLong(t.timestamp());
    }

    private static Transfer readTransfer(DataInputStream in) throws IOException {
        return new Transfer(readId(in), readId(in), readId(in), in.readLong(), readId(in), readId(in), in.readInt(),
                in.readInt(), in.readInt(), in.readInt(), in.readLong());
    }
}
