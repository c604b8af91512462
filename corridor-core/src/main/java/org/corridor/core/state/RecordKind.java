package org.corridor.core.state;

/**
 * The kinds of durable object beside the ledger. Each is kept in memory by the writer, written in the
 * same commit as the ledger transfers that go with it, and stored as one row per object.
 */
public enum RecordKind {
    PARTICIPANT("participant"),
    API_KEY("api_key"),
    CUSTOMER("customer"),
    TOP_UP("top_up"),
    PAYMENT_INTENT("payment_intent"),
    REFUND("refund"),
    IDEMPOTENCY("idempotency"),
    EVENT("event"),
    WEBHOOK_ENDPOINT("webhook_endpoint"),
    DELIVERY("delivery"),
    CARD("card"),
    DEVICE_TOKEN("device_token"),
    CARD_AUTHORIZATION("card_authorization"),
    QR_CODE("qr_code"),
    WALLET_TRANSFER("wallet_transfer"),
    WITHDRAWAL("withdrawal"),
    PAYMENT_CODE("payment_code"),
    FX_QUOTE("fx_quote"),
    FX_RESIDUE("fx_residue"),
    SETTLEMENT_WINDOW("settlement_window"),
    NET_DEBIT_CAP("net_debit_cap"),
    /** An error reply kept in an idempotency record; never a row of its own. */
    ERROR("error"),
    ESCROW("escrow"),
    KYC_TIER("kyc_tier"),
    /** A customer's use of its KYC tier's limits; one per customer, by the customer's id. */
    LIMIT_USAGE("limit_usage");

    private final String storedName;

    RecordKind(String storedName) {
        this.storedName = storedName;
    }

    /** The name in the store; stable across releases (the enum's order is not). */
    public String storedName() {
        return storedName;
    }

    public static RecordKind ofStoredName(String name) {
        for (RecordKind kind : values()) {
            if (kind.storedName.equals(name)) return kind;
        }
        throw new IllegalArgumentException("unknown record kind: " + name);
    }
}
