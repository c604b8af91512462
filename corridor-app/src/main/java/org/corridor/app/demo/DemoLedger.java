package org.corridor.app.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.corridor.core.Id128;
import org.corridor.core.ledger.Account;
import org.corridor.core.ledger.AccountFlags;
import org.corridor.core.ledger.CreateAccountResult;
import org.corridor.core.ledger.CreateTransferResult;
import org.corridor.core.ledger.LedgerStateMachine;
import org.corridor.core.ledger.Transfer;
import org.corridor.store.writer.LedgerWriter;

/**
 * The demo's chart of accounts: per currency ledger, shoppers' wallet accounts (which may not go below
 * zero), merchants' accounts, a fee income account and the wallet provider's float that funds shoppers.
 *
 * <p>An account id's high half is the ledger (ISO 4217 numeric), its low half the role and an index, so
 * ids are stable across runs and a second run on the same store finds its accounts already open.
 */
record DemoLedger(int shoppersPerCurrency, int merchantsPerCurrency) {
    record Currency(String code, int ledger) {}

    static final List<Currency> CURRENCIES =
            List.of(new Currency("CNY", 156), new Currency("USD", 840), new Currency("EUR", 978));

    static final int CODE_SHOPPER = 1;
    static final int CODE_MERCHANT = 2;
    static final int CODE_FEES = 3;
    static final int CODE_FLOAT = 4;
    static final int TRANSFER_TOP_UP = 1;

    private static final long ROLE_STRIDE = 1_000_000_000L;
    /** Most shoppers get plenty; one in ten gets little, so some payments are declined. */
    private static final long RICH_TOP_UP_MINOR = 50_000_000;
    private static final long POOR_TOP_UP_MINOR = 5_000;

    Id128 shopper(Currency currency, int index) {
        return new Id128(currency.ledger(), CODE_SHOPPER * ROLE_STRIDE + index);
    }

    Id128 merchant(Currency currency, int index) {
        return new Id128(currency.ledger(), CODE_MERCHANT * ROLE_STRIDE + index);
    }

    Id128 fees(Currency currency) {
        return new Id128(currency.ledger(), CODE_FEES * ROLE_STRIDE);
    }

    Id128 providerFloat(Currency currency) {
        return new Id128(currency.ledger(), CODE_FLOAT * ROLE_STRIDE);
    }

    /** Opens every account and tops up every shopper; idempotent, so a rerun on the same store is fine. */
    void open(LedgerWriter writer, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (Currency currency : CURRENCIES) {
            List<Account> accounts = new ArrayList<>();
            accounts.add(Account.open(fees(currency), currency.ledger(), CODE_FEES, AccountFlags.HISTORY, Id128.ZERO));
            accounts.add(Account.open(providerFloat(currency), currency.ledger(), CODE_FLOAT, 0, Id128.ZERO));
            for (int m = 0; m < merchantsPerCurrency; m++) {
                accounts.add(Account.open(merchant(currency, m), currency.ledger(), CODE_MERCHANT, 0, Id128.ZERO));
            }
            for (int s = 0; s < shoppersPerCurrency; s++) {
                accounts.add(Account.open(shopper(currency, s), currency.ledger(), CODE_SHOPPER,
                        AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS, Id128.ZERO));
            }
            for (List<Account> command : chunks(accounts)) {
                if (!writer.createAccounts(command).join().stream().allMatch(CreateAccountResult::created)) {
                    throw new IllegalStateException("opening the demo accounts failed");
                }
            }
            List<Transfer> topUps = new ArrayList<>();
            for (int s = 0; s < shoppersPerCurrency; s++) {
                long amount = random.nextInt(10) == 0 ? POOR_TOP_UP_MINOR : RICH_TOP_UP_MINOR;
                topUps.add(Transfer.of(new Id128(currency.ledger(), s + 1L), providerFloat(currency),
                        shopper(currency, s), amount, currency.ledger(), TRANSFER_TOP_UP));
            }
            for (List<Transfer> command : chunks(topUps)) {
                if (!writer.createTransfers(command).join().stream().allMatch(CreateTransferResult::applied)) {
                    throw new IllegalStateException("topping up the demo shoppers failed");
                }
            }
        }
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += LedgerStateMachine.EVENTS_PER_COMMAND_MAX) {
            chunks.add(all.subList(from, Math.min(all.size(), from + LedgerStateMachine.EVENTS_PER_COMMAND_MAX)));
        }
        return chunks;
    }
}
