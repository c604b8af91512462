package org.corridor.app.bench;

import java.util.List;

/**
 * Who takes part in the API benchmark, as onboarded through the API: one merchant (which creates and captures
 * payment intents), one wallet provider (which holds the customers' balances and confirms payments with them)
 * and its customers, each topped up with {@code topUpPerCustomerMinor} USD cents.
 */
record ApiParties(String operatorKey, String merchantKey, String walletProviderKey, int merchantFeeBasisPoints,
        List<String> customerIds, long topUpPerCustomerMinor) {

    long topUpTotalMinor() {
        return Math.multiplyExact(topUpPerCustomerMinor, (long) customerIds.size());
    }
}
