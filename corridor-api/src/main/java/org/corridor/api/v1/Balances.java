package org.corridor.api.v1;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.corridor.core.Id128;
import org.corridor.core.ledger.Account;
import org.corridor.core.port.LedgerReader;

/**
 * Live ledger balances per currency, shown on retrieval only (never in a kept reply: a balance changes, a
 * replayed reply must not).
 */
final class Balances {
    private Balances() {}

    static List<Map<String, Object>> of(LedgerReader ledger, Map<String, Id128> accounts) {
        List<Map<String, Object>> balances = new ArrayList<>();
        for (Map.Entry<String, Id128> entry : new TreeMap<>(accounts).entrySet()) {
            Account account = ledger.account(entry.getValue()).orElseThrow(
                    () -> new IllegalStateException("a participant's ledger account is missing: " + entry.getValue()));
            balances.add(ObjectJson.ordered(
                    "currency", entry.getKey(),
                    "credits_posted", account.creditsPosted(),
                    "debits_posted", account.debitsPosted(),
                    "credits_pending", account.creditsPending(),
                    "debits_pending", account.debitsPending(),
                    "posted", account.creditsPosted() - account.debitsPosted(),
                    "available", account.creditsPosted() - account.debitsPosted() - account.debitsPending()));
        }
        return balances;
    }
}
