package org.corridor.app.bench;

import java.util.List;

/**
 * Who takes part in the API benchmark, as onboarded through the API: one merchant (which creates and captures
 * payment intents), one wallet provider (which holds the customers' balances and confirms payments with them)
 * and its customers, each topped up with {@code topUpPerCustomerMinor} minor units of {@code shopperCurrency}; for the
 * cross-currency case also an FX liquidity provider (its key in {@code fxProviderKey}), through which CNY shoppers pay
 * the USD merchant.
 */
record ApiParties(String operatorKey, String merchantKey, String walletProviderKey, int merchantFeeBasisPoints,
        List<String> customerIds, long topUpPerCustomerMinor, String shopperCurrency, String fxProviderKey) {

    /** Whether the shoppers pay in another currency than the merchant's, through an FX liquidity provider. */
    boolean converts() {
        return fxProviderKey != null;
    }

    long topUpTotalMinor() {
        return Math.multiplyExact(topUpPerCustomerMinor, (long) customerIds.size());
    }
}
