package org.corridor.store.records;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.corridor.core.card.AuthorizationStatus;
import org.corridor.core.card.Card;
import org.corridor.core.card.CardAuthorization;
import org.corridor.core.card.DeviceToken;
import org.corridor.core.card.TokenDomain;
import org.corridor.core.card.TokenStatus;
import org.corridor.core.payment.PaymentMethod;

/** The stored form of the card rails' records, in {@link RecordCodec}'s conventions. PANs are only ever sealed here. */
final class CardRecords {
    private CardRecords() {}

    static void writeCard(DataOutputStream out, Card c) throws IOException {
        out.writeUTF(c.id());
        out.writeUTF(c.issuerId());
        out.writeUTF(c.network());
        out.writeUTF(c.bin());
        out.writeUTF(c.lastFour());
        out.writeInt(c.expiryMonth());
        out.writeInt(c.expiryYear());
        out.writeUTF(c.fingerprint());
        out.writeUTF(c.par());
        RecordCodec.writeBytes(out, c.sealedPan());
        out.writeLong(c.createdAt());
    }

    static Card readCard(DataInputStream in) throws IOException {
        return new Card(in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(), in.readInt(),
                in.readInt(), in.readUTF(), in.readUTF(), RecordCodec.readBytes(in), in.readLong());
    }

    static void writeToken(DataOutputStream out, DeviceToken t) throws IOException {
        out.writeUTF(t.id());
        out.writeUTF(t.ownerId());
        out.writeUTF(t.cardId());
        out.writeUTF(t.issuerId());
        out.writeUTF(t.network());
        out.writeUTF(t.dpan());
        out.writeUTF(t.par());
        out.writeUTF(t.deviceId());
        out.writeUTF(t.domain().name());
        out.writeUTF(t.status().name());
        RecordCodec.writeBytes(out, t.sealedKey());
        out.writeInt(t.highestAtc());
        out.writeUTF(t.cardLastFour());
        out.writeLong(t.createdAt());
        out.writeUTF(t.customerId());
        out.writeUTF(t.currency());
    }

    /** Before format version 3 every token was a card's: no funding balance. */
    static DeviceToken readToken(DataInputStream in, int version) throws IOException {
        return new DeviceToken(in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(),
                in.readUTF(), in.readUTF(), TokenDomain.valueOf(in.readUTF()), TokenStatus.valueOf(in.readUTF()),
                RecordCodec.readBytes(in), in.readInt(), in.readUTF(), in.readLong(),
                version >= 3 ? in.readUTF() : "", version >= 3 ? in.readUTF() : "");
    }

    static void writeAuthorization(DataOutputStream out, CardAuthorization a) throws IOException {
        out.writeUTF(a.id());
        out.writeUTF(a.ownerId());
        out.writeUTF(a.paymentIntentId());
        out.writeUTF(a.tokenId());
        out.writeUTF(a.issuerId());
        out.writeLong(a.sequence());
        out.writeUTF(a.terminalId());
        out.writeUTF(a.domain().name());
        out.writeLong(a.amountMinor());
        out.writeUTF(a.currency());
        out.writeUTF(a.status().name());
        out.writeUTF(a.responseCode());
        out.writeUTF(a.approvalCode());
        out.writeInt(a.reversalAttempts());
        out.writeLong(a.createdAt());
    }

    static CardAuthorization readAuthorization(DataInputStream in) throws IOException {
        return new CardAuthorization(in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(),
                in.readLong(), in.readUTF(), TokenDomain.valueOf(in.readUTF()), in.readLong(), in.readUTF(),
                AuthorizationStatus.valueOf(in.readUTF()), in.readUTF(), in.readUTF(), in.readInt(), in.readLong());
    }

    static void writeMethod(DataOutputStream out, PaymentMethod.DeviceToken m) throws IOException {
        out.writeUTF(m.tokenId());
        out.writeUTF(m.network());
        out.writeUTF(m.dpanLastFour());
        out.writeUTF(m.entry().name());
        out.writeUTF(m.authorizationId());
    }

    static PaymentMethod.DeviceToken readMethod(DataInputStream in) throws IOException {
        return new PaymentMethod.DeviceToken(in.readUTF(), in.readUTF(), in.readUTF(), TokenDomain.valueOf(in.readUTF()),
                in.readUTF());
    }
}
