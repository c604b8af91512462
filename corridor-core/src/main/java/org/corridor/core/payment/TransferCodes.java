package org.corridor.core.payment;

/** The ledger transfer codes of the switch: why money moved, on every transfer it books. */
public final class TransferCodes {
    /** A payment moved at once (automatic capture). */
    public static final int PAYMENT = 101;
    /** A pending transfer reserving a shopper's funds (manual capture). */
    public static final int RESERVATION = 102;
    /** The merchant discount fee, merchant to operator. */
    public static final int MERCHANT_FEE = 105;
    /** A refund, merchant to shopper. */
    public static final int REFUND = 106;
    /** A wallet provider funding its customer's balance. */
    public static final int TOP_UP = 107;
    /** A customer paying another customer. */
    public static final int WALLET_TRANSFER = 108;
    /** A customer's balance going back to its wallet provider's funding account. */
    public static final int WITHDRAWAL = 109;
    /** The FX liquidity provider paying the merchant in the intent's currency (a cross-currency payment or capture). */
    public static final int FX_PAYOUT = 110;
    /** The FX liquidity provider paying a refund back to the shopper in the shopper's currency. */
    public static final int FX_REFUND = 112;
    /** Rounding residue made whole, provider to the house: {@link org.corridor.core.exchange.FxResidues#TRANSFER_CODE}. */
    public static final int FX_RESIDUE = org.corridor.core.exchange.FxResidues.TRANSFER_CODE;
    /** Money held in escrow going to the seller. */
    public static final int ESCROW_RELEASE = 113;
    /** A window's settlement, participant and settlement account: {@link org.corridor.core.settlement.SettlementWindows#TRANSFER_CODE}. */
    public static final int SETTLEMENT = org.corridor.core.settlement.SettlementWindows.TRANSFER_CODE;

    private TransferCodes() {}
}
