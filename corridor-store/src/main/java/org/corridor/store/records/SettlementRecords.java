package org.corridor.store.records;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.corridor.core.Id128;
import org.corridor.core.settlement.NetDebitCap;
import org.corridor.core.settlement.NetPosition;
import org.corridor.core.settlement.SettlementWindow;
import org.corridor.core.settlement.SettlementWindows;
import org.corridor.core.settlement.WindowStatus;

/** The stored form of settlement records (windows with their net positions, net debit caps), as {@link RecordCodec}'s. */
final class SettlementRecords {
    private SettlementRecords() {}

    static void writeWindow(DataOutputStream out, SettlementWindow w) throws IOException {
        out.writeUTF(w.id());
        out.writeUTF(w.currency());
        out.writeLong(w.number());
        out.writeUTF(w.status().name());
        RecordCodec.writeId(out, w.settlementAccountId());
        out.writeLong(w.coversAfter());
        out.writeLong(w.coversThrough());
        out.writeInt(w.positions().size());
        for (NetPosition p : w.positions()) {
            out.writeUTF(p.participantId());
            RecordCodec.writeId(out, p.accountId());
            out.writeLong(p.debitsMinor());
            out.writeLong(p.creditsMinor());
            out.writeLong(p.feesMinor());
            out.writeLong(p.refundsMinor());
        }
        out.writeLong(w.customersMinor());
        out.writeLong(w.houseMinor());
        out.writeInt(w.transferIds().size());
        for (Id128 id : w.transferIds()) RecordCodec.writeId(out, id);
        out.writeLong(w.openedAt());
        out.writeLong(w.closedAt());
        out.writeLong(w.settledAt());
    }

    static SettlementWindow readWindow(DataInputStream in) throws IOException {
        String id = in.readUTF();
        String currency = in.readUTF();
        long number = in.readLong();
        WindowStatus status = WindowStatus.valueOf(in.readUTF());
        Id128 account = RecordCodec.readId(in);
        long after = in.readLong();
        long through = in.readLong();
        List<NetPosition> positions = new ArrayList<>();
        for (int i = 0, n = count(in); i < n; i++) {
            positions.add(new NetPosition(in.readUTF(), RecordCodec.readId(in), in.readLong(), in.readLong(),
                    in.readLong(), in.readLong()));
        }
        long customers = in.readLong();
        long house = in.readLong();
        List<Id128> transfers = new ArrayList<>();
        for (int i = 0, n = count(in); i < n; i++) transfers.add(RecordCodec.readId(in));
        return new SettlementWindow(id, currency, number, status, account, after, through, positions, customers, house,
                transfers, in.readLong(), in.readLong(), in.readLong());
    }

    static void writeCap(DataOutputStream out, NetDebitCap c) throws IOException {
        out.writeUTF(c.id());
        out.writeUTF(c.participantId());
        out.writeUTF(c.currency());
        out.writeLong(c.amountMinor());
        out.writeLong(c.updatedAt());
    }

    static NetDebitCap readCap(DataInputStream in) throws IOException {
        return new NetDebitCap(in.readUTF(), in.readUTF(), in.readUTF(), in.readLong(), in.readLong());
    }

    /** A window holds at most one position per participant of a currency, bounded as its settlement chain is. */
    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > SettlementWindows.POSITIONS_PER_WINDOW_MAX) throw new IOException("count " + n);
        return n;
    }
}
