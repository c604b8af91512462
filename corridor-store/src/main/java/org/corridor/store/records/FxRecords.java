package org.corridor.store.records;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.corridor.core.exchange.FxQuote;
import org.corridor.core.exchange.FxResidue;
import org.corridor.core.fx.Conversion;
import org.corridor.core.fx.FixedSide;
import org.corridor.core.fx.Price;
import org.corridor.core.fx.Quote;
import org.corridor.core.fx.QuoteStatus;
import org.corridor.core.fx.Rate;
import org.corridor.core.fx.Residue;
import org.corridor.core.payment.PaymentConversion;

/** The stored form of FX records (quotes, residues, a payment's conversion), in {@link RecordCodec}'s conventions. */
final class FxRecords {
    private FxRecords() {}

    static void writeQuote(DataOutputStream out, FxQuote fx) throws IOException {
        Quote q = fx.quote();
        out.writeUTF(q.id());
        writeRate(out, q.midRate());
        out.writeInt(q.spreadBasisPoints());
        writeRate(out, q.customerRate());
        out.writeUTF(q.fixedSide().name());
        Conversion c = q.conversion();
        out.writeLong(c.sellMinor());
        out.writeLong(c.buyMinor());
        out.writeUTF(c.residue().currency());
        out.writeLong(c.residue().numerator());
        out.writeLong(c.residue().denominator());
        out.writeLong(q.createdAtNanos());
        out.writeLong(q.expiresAtNanos());
        out.writeUTF(q.status().name());
        out.writeUTF(q.paymentId() == null ? "" : q.paymentId());
        out.writeLong(q.usedAtNanos());
        out.writeUTF(fx.ownerId());
        out.writeUTF(fx.providerId());
        out.writeLong(fx.usdEquivalentMinor());
    }

    static FxQuote readQuote(DataInputStream in) throws IOException {
        String id = in.readUTF();
        Rate mid = readRate(in);
        int spread = in.readInt();
        Rate customer = readRate(in);
        FixedSide side = FixedSide.valueOf(in.readUTF());
        long sell = in.readLong();
        long buy = in.readLong();
        Residue residue = new Residue(in.readUTF(), in.readLong(), in.readLong());
        Conversion conversion = new Conversion(mid.base(), sell, mid.quote(), buy, residue);
        long created = in.readLong();
        long expires = in.readLong();
        QuoteStatus status = QuoteStatus.valueOf(in.readUTF());
        String payment = in.readUTF();
        long usedAt = in.readLong();
        Quote quote = new Quote(id, mid, spread, customer, side, conversion, created, expires, status,
                payment.isEmpty() ? null : payment, usedAt);
        return new FxQuote(quote, in.readUTF(), in.readUTF(), in.readLong());
    }

    static void writeResidue(DataOutputStream out, FxResidue r) throws IOException {
        out.writeUTF(r.id());
        out.writeUTF(r.currency());
        RecordCodec.writeId(out, r.accountId());
        out.writeLong(r.carriedNanos());
        out.writeLong(r.createdAt());
    }

    static FxResidue readResidue(DataInputStream in) throws IOException {
        return new FxResidue(in.readUTF(), in.readUTF(), RecordCodec.readId(in), in.readLong(), in.readLong());
    }

    /** A payment's conversion, or its absence. */
    static void writeConversion(DataOutputStream out, PaymentConversion c) throws IOException {
        out.writeBoolean(c != null);
        if (c == null) return;
        out.writeUTF(c.quoteId());
        out.writeUTF(c.providerId());
        writeRate(out, c.customerRate());
        out.writeLong(c.sellMinor());
        out.writeLong(c.sellReceived());
        out.writeLong(c.sellRefunded());
    }

    static PaymentConversion readConversion(DataInputStream in) throws IOException {
        if (!in.readBoolean()) return null;
        return new PaymentConversion(in.readUTF(), in.readUTF(), readRate(in), in.readLong(), in.readLong(),
                in.readLong());
    }

    private static void writeRate(DataOutputStream out, Rate rate) throws IOException {
        out.writeUTF(rate.base());
        out.writeUTF(rate.quote());
        out.writeLong(rate.price().numerator());
        out.writeLong(rate.price().denominator());
        out.writeLong(rate.asOfNanos());
        out.writeUTF(rate.source());
    }

    private static Rate readRate(DataInputStream in) throws IOException {
        return new Rate(in.readUTF(), in.readUTF(), new Price(in.readLong(), in.readLong()), in.readLong(), in.readUTF());
    }
}
