package org.corridor.app.demo;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.corridor.core.Id128;
import org.corridor.core.ledger.CreateTransferResult;
import org.corridor.core.ledger.Transfer;
import org.corridor.core.ledger.TransferFlags;
import org.corridor.store.writer.LedgerWriter;

/**
 * One demo shopper's payment at a time, shaped like real traffic: card authorizations that are captured
 * (sometimes partially), voided or left to expire, wallet payments with the merchant's fee in the same
 * linked chain, refunds, and declines when a shopper's wallet runs short.
 */
final class DemoTraffic {
    static final int TRANSFER_PAYMENT = 2;
    static final int TRANSFER_FEE = 3;
    static final int TRANSFER_REFUND = 4;
    /** Merchant discount rate in basis points. */
    private static final long FEE_BASIS_POINTS = 150;
    private static final int AUTHORIZATION_TIMEOUT_SECONDS = 3_600;
    private static final int ABANDONED_AUTHORIZATION_TIMEOUT_SECONDS = 1;
    private static final long PAYMENT_MINOR_MAX = 50_000;

    private final LedgerWriter writer;
    private final DemoLedger ledger;
    private final DemoTally tally;
    private final long runId;
    private final AtomicLong nextTransfer = new AtomicLong(1);

    DemoTraffic(LedgerWriter writer, DemoLedger ledger, DemoTally tally, long runId) {
        this.writer = writer;
        this.ledger = ledger;
        this.tally = tally;
        this.runId = runId;
    }

    void onePayment(SplittableRandom random) {
        DemoLedger.Currency currency = DemoLedger.CURRENCIES.get(random.nextInt(DemoLedger.CURRENCIES.size()));
        Id128 shopper = ledger.shopper(currency, random.nextInt(ledger.shoppersPerCurrency()));
        Id128 merchant = ledger.merchant(currency, random.nextInt(ledger.merchantsPerCurrency()));
        long amount = 100 + random.nextLong(PAYMENT_MINOR_MAX);
        int scenario = random.nextInt(100);
        if (scenario < 50) {
            cardPayment(currency, shopper, merchant, amount, random.nextInt(5) == 0 ? amount * 3 / 4 : amount);
        } else if (scenario < 60) {
            voidedAuthorization(currency, shopper, merchant, amount);
        } else if (scenario < 65) {
            abandonedAuthorization(currency, shopper, merchant, amount);
        } else if (scenario < 95) {
            walletPayment(currency, shopper, merchant, amount, false);
        } else {
            walletPayment(currency, shopper, merchant, amount, true);
        }
    }

    private void cardPayment(DemoLedger.Currency currency, Id128 shopper, Id128 merchant, long amount, long capture) {
        Id128 authorization = nextId();
        CreateTransferResult held = one(authorize(authorization, currency, shopper, merchant, amount,
                AUTHORIZATION_TIMEOUT_SECONDS));
        if (held != CreateTransferResult.OK) {
            tally.payment("card: " + describe(held));
            return;
        }
        Transfer post = new Transfer(nextId(), Id128.ZERO, Id128.ZERO, capture, authorization, Id128.ZERO, 0, 0, 0,
                TransferFlags.POST_PENDING | TransferFlags.LINKED, 0);
        List<CreateTransferResult> results = writer.createTransfers(List.of(post, fee(currency, merchant, capture)))
                .join();
        boolean captured = results.stream().allMatch(CreateTransferResult::applied);
        tally.payment(captured ? (capture < amount ? "card: partially captured" : "card: captured")
                : "card: capture failed " + results);
        if (captured) tally.captured(currency.code(), capture);
    }

    private void voidedAuthorization(DemoLedger.Currency currency, Id128 shopper, Id128 merchant, long amount) {
        Id128 authorization = nextId();
        CreateTransferResult held = one(authorize(authorization, currency, shopper, merchant, amount,
                AUTHORIZATION_TIMEOUT_SECONDS));
        if (held != CreateTransferResult.OK) {
            tally.payment("card: " + describe(held));
            return;
        }
        Transfer cancel = new Transfer(nextId(), Id128.ZERO, Id128.ZERO, 0, authorization, Id128.ZERO, 0, 0, 0,
                TransferFlags.VOID_PENDING, 0);
        tally.payment("card: authorization voided" + (one(cancel) == CreateTransferResult.OK ? "" : " (failed)"));
    }

    private void abandonedAuthorization(DemoLedger.Currency currency, Id128 shopper, Id128 merchant, long amount) {
        CreateTransferResult held = one(authorize(nextId(), currency, shopper, merchant, amount,
                ABANDONED_AUTHORIZATION_TIMEOUT_SECONDS));
        tally.payment(held == CreateTransferResult.OK ? "card: authorization left to expire" : "card: " + describe(held));
    }

    private void walletPayment(DemoLedger.Currency currency, Id128 shopper, Id128 merchant, long amount,
            boolean refund) {
        Transfer payment = Transfer.of(nextId(), shopper, merchant, amount, currency.ledger(), TRANSFER_PAYMENT)
                .withFlags(TransferFlags.LINKED);
        List<CreateTransferResult> results =
                writer.createTransfers(List.of(payment, fee(currency, merchant, amount))).join();
        if (!results.stream().allMatch(CreateTransferResult::applied)) {
            tally.payment("wallet: " + describe(results.getFirst()));
            return;
        }
        tally.captured(currency.code(), amount);
        if (!refund) {
            tally.payment("wallet: paid");
            return;
        }
        long refunded = amount / 2;
        Transfer back = Transfer.of(nextId(), merchant, shopper, refunded, currency.ledger(), TRANSFER_REFUND);
        tally.payment(one(back) == CreateTransferResult.OK ? "wallet: paid, then half refunded" : "wallet: refund failed");
        tally.captured(currency.code(), -refunded);
    }

    private Transfer authorize(Id128 id, DemoLedger.Currency currency, Id128 shopper, Id128 merchant, long amount,
            int timeoutSeconds) {
        return Transfer.of(id, shopper, merchant, amount, currency.ledger(), TRANSFER_PAYMENT)
                .withFlags(TransferFlags.PENDING).withTimeoutSeconds(timeoutSeconds);
    }

    private Transfer fee(DemoLedger.Currency currency, Id128 merchant, long amount) {
        long fee = Math.max(1, amount * FEE_BASIS_POINTS / 10_000);
        return Transfer.of(nextId(), merchant, ledger.fees(currency), fee, currency.ledger(), TRANSFER_FEE);
    }

    private CreateTransferResult one(Transfer transfer) {
        return writer.createTransfers(List.of(transfer)).join().getFirst();
    }

    private Id128 nextId() {
        return new Id128(runId, nextTransfer.getAndIncrement());
    }

    private static String describe(CreateTransferResult result) {
        return switch (result) {
            case OK -> "approved";
            case EXCEEDS_CREDITS -> "declined, insufficient funds";
            default -> "declined, " + result.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        };
    }
}
