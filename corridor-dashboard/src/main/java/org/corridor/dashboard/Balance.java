package org.corridor.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.corridor.core.Id128;
import org.corridor.core.ledger.Account;
import org.corridor.core.port.LedgerReader;

/**
 * One ledger account's balance, as the pages show it: posted credits less posted debits, and what pending debits
 * hold back. Each role reads its sign its own way (a merchant's is what the switch owes it, an FX provider's is
 * its position); the page shows the ledger's numbers as they are.
 *
 * @param currency ISO 4217 code
 * @param posted credits posted less debits posted, formatted
 * @param pending debits pending, formatted
 * @param available posted less pending debits, formatted
 */
public record Balance(String currency, String posted, String pending, String available) {

    /** The balances of {@code accounts} (by currency), in currency order; an account not found shows as empty. */
    static List<Balance> of(LedgerReader ledger, Map<String, Id128> accounts) {
        List<Balance> balances = new ArrayList<>();
        new TreeMap<>(accounts).forEach((currency, id) -> balances.add(of(ledger, currency, id)));
        return balances;
    }

    static Balance of(LedgerReader ledger, String currency, Id128 id) {
        Account account = ledger.account(id).orElse(null);
        if (account == null) return new Balance(currency, "–", "–", "–");
        long posted = Math.subtractExact(account.creditsPosted(), account.debitsPosted());
        return new Balance(currency, Format.money(posted, currency), Format.money(account.debitsPending(), currency),
                Format.money(Math.subtractExact(posted, account.debitsPending()), currency));
    }
}
