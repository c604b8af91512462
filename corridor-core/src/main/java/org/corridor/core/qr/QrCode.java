package org.corridor.core.qr;

import org.corridor.core.state.OwnedObject;

/**
 * A merchant's QR code.
 *
 * @param id {@code qr_…}; also written into the payload, so a scan finds it
 * @param ownerId the merchant
 * @param amountMinor the amount of a dynamic code; zero for a static one
 * @param currency ISO 4217 code
 * @param reference the merchant's reference of a dynamic code (EMVCo 62/05); empty for a static one
 * @param payload the EMVCo merchant-presented payload, CRC included
 * @param paymentIntentId the intent that paid a dynamic code; empty until then
 * @param createdAt nanoseconds since the epoch
 */
public record QrCode(String id, String ownerId, long amountMinor, String currency, String reference, String payload,
        String paymentIntentId, long createdAt) implements OwnedObject {

    public boolean dynamic() {
        return amountMinor > 0;
    }

    public boolean used() {
        return !paymentIntentId.isEmpty();
    }

    public QrCode paidBy(String intentId) {
        return new QrCode(id, ownerId, amountMinor, currency, reference, payload, intentId, createdAt);
    }
}
