package org.corridor.dashboard;

import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import org.corridor.core.ledger.Transfer;
import org.corridor.core.ledger.TransferFlags;
import org.corridor.core.payment.TransferCodes;

/** Names for what the ledger stores as numbers: a ledger's currency, a transfer's code and flags. */
final class Ledgers {
    private static final Map<Integer, String> CURRENCIES = new HashMap<>();
    private static final Map<Integer, String> CODES = Map.of(
            TransferCodes.PAYMENT, "payment",
            TransferCodes.RESERVATION, "reservation",
            TransferCodes.MERCHANT_FEE, "merchant fee",
            TransferCodes.REFUND, "refund",
            TransferCodes.TOP_UP, "top-up",
            TransferCodes.WALLET_TRANSFER, "wallet transfer",
            TransferCodes.WITHDRAWAL, "withdrawal",
            TransferCodes.FX_PAYOUT, "FX payout",
            TransferCodes.FX_REFUND, "FX refund",
            TransferCodes.FX_RESIDUE, "FX residue");

    static {
        // Corridor numbers each currency's ledger with the currency's ISO 4217 numeric code.
        for (Currency currency : Currency.getAvailableCurrencies()) {
            CURRENCIES.putIfAbsent(currency.getNumericCode(), currency.getCurrencyCode());
        }
    }

    private Ledgers() {}

    /** The currency code of a ledger. */
    static String currency(int ledger) {
        return CURRENCIES.getOrDefault(ledger, "#" + ledger);
    }

    /** Why the transfer moved money, in words. */
    static String code(int code) {
        return CODES.getOrDefault(code, "code " + code);
    }

    /** The two-phase part a transfer plays: empty for a single-phase one. */
    static String phase(Transfer transfer) {
        if (transfer.has(TransferFlags.PENDING)) return "pending";
        if (transfer.has(TransferFlags.POST_PENDING)) return "post";
        if (transfer.has(TransferFlags.VOID_PENDING)) return "void";
        return "";
    }
}
