package org.corridor.core.participant;

/**
 * What a participant is to Corridor. Each role holds one ledger account per currency, whose meaning the
 * role gives (see {@link #accountCode()}).
 */
public enum ParticipantRole {
    /** Runs the switch; earns the merchant fees. One per installation, created at first start. */
    OPERATOR(1),
    /** Holds shoppers' stored value; its account per currency is the funding it brought in. */
    WALLET_PROVIDER(2),
    /** A card-issuing bank; its account per currency is what it owes or is owed in settlement. */
    ISSUER(3),
    /** Sells goods; its account per currency is what Corridor owes it (paid out in settlement). */
    MERCHANT(4),
    /** Sells on behalf of sellers; paid like a merchant. */
    MARKETPLACE(5),
    /** Provides foreign exchange liquidity; its account per currency is its position. */
    FX_PROVIDER(6);

    private final int accountCode;

    ParticipantRole(int accountCode) {
        this.accountCode = accountCode;
    }

    /** The ledger account code of this role's accounts. */
    public int accountCode() {
        return accountCode;
    }

    /** Whether payment intents may be created by this role (it is paid by shoppers). */
    public boolean acceptsPayments() {
        return this == MERCHANT || this == MARKETPLACE;
    }

    /** Whether this role holds shoppers' balances (customers). */
    public boolean holdsCustomers() {
        return this == WALLET_PROVIDER;
    }
}
