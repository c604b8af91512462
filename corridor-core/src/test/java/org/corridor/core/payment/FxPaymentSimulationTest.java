package org.corridor.core.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.corridor.core.Id128;
import org.corridor.core.exchange.FxResidue;
import org.corridor.core.fx.FixedSide;
import org.corridor.core.fx.Price;
import org.corridor.core.fx.QuoteRequest;
import org.corridor.core.fx.Rate;
import org.corridor.core.ledger.LedgerAudit;
import org.corridor.core.money.Fees;
import org.corridor.core.participant.ParticipantRole;
import org.corridor.core.state.ObjectIds;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.SwitchFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A seeded run of thousands of cross-currency payments both ways between yen and dollars (zero- and two-decimal
 * currencies): at-market confirmations, automatic and manual capture, partial and full captures, cancellations,
 * partial and full refunds. Afterwards every currency balances to the unit against a model kept here with its own
 * exact arithmetic: what each shopper paid and got back, what the merchant holds, the liquidity provider's
 * positions, and the residue booked plus the residue carried, to the nano minor unit. The house never gives a
 * shopper more than the locked rate allows.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class FxPaymentSimulationTest {
    private static final String USD = SwitchFixture.USD;
    private static final String JPY = SwitchFixture.JPY;
    private static final String PROVIDER = "acct_liquidity";
    private static final String YEN_SHOPPER = "cus_yen";
    private static final String DOLLAR_SHOPPER = "cus_dollar";
    private static final long YEN_TOP_UP = 2_000_000_000L;
    private static final long DOLLAR_TOP_UP = 2_000_000_000L;
    /** USD/JPY 151.37 mid; the spread is 50 basis points. */
    private static final Price USD_JPY = new Price(15_137, 100);
    private static final int SPREAD_BASIS_POINTS = 50;
    private static final int STEPS = 4_000;

    /** One payment as the model sees it. */
    private static final class Paid {
        final String intentId;
        final String shopper;
        final String sellCurrency;
        final String buyCurrency;
        long sellPaid;
        long sellBack;
        long buyReceived;
        long buyRefunded;
        long fee;

        Paid(String intentId, String shopper, String sellCurrency, String buyCurrency) {
            this.intentId = intentId;
            this.shopper = shopper;
            this.sellCurrency = sellCurrency;
            this.buyCurrency = buyCurrency;
        }
    }

    private final SwitchFixture f = new SwitchFixture();
    private final List<Paid> payments = new ArrayList<>();
    private final Map<String, BigInteger> residueNanos = new HashMap<>(Map.of(USD, BigInteger.ZERO, JPY, BigInteger.ZERO));

    @Test
    void everyCurrencyBalancesToTheUnitAfterThousandsOfMixedPayments() {
        f.step(() -> {
            f.openParticipant(PROVIDER, ParticipantRole.FX_PROVIDER, 0, List.of(USD, JPY));
            f.openCustomer(SwitchFixture.WALLET, YEN_SHOPPER, List.of(JPY));
            f.openCustomer(SwitchFixture.WALLET, DOLLAR_SHOPPER, List.of(USD));
            f.topUp(YEN_SHOPPER, YEN_TOP_UP, JPY);
            return f.topUp(DOLLAR_SHOPPER, DOLLAR_TOP_UP, USD);
        });
        SplittableRandom random = new SplittableRandom(20_261_128);
        for (int i = 0; i < STEPS; i++) {
            boolean yenPays = random.nextBoolean();
            String buy = yenPays ? USD : JPY;
            long amount = random.nextLong(1, yenPays ? 500_000 : 50_000);
            CaptureMethod capture = random.nextInt(3) == 0 ? CaptureMethod.MANUAL : CaptureMethod.AUTOMATIC;
            pay(yenPays ? YEN_SHOPPER : DOLLAR_SHOPPER, yenPays ? JPY : USD, buy, amount, capture, random);
            f.advanceNanos(random.nextLong(1, 2_000_000_000L));
        }
        assertThat(payments).hasSizeGreaterThan(STEPS / 2);
        assertBalanced();
    }

    private void pay(String shopper, String sell, String buy, long amount, CaptureMethod method, SplittableRandom random) {
        PaymentIntent intent = f.step(() -> f.createIntent(amount, buy, method)).value();
        Rate mid = midRate(sell, buy);
        var request = new QuoteRequest(ObjectIds.of("fxq_", f.ids().next()), sell, buy, FixedSide.BUY, amount,
                SPREAD_BASIS_POINTS, 60_000_000_000L);
        var confirmed = f.step(() -> PaymentOperations.confirm(f.state(), SwitchFixture.WALLET, intent.id(),
                intent.clientSecret(), new PaymentMethod.CustomerBalance(shopper),
                new FxChoice.AtMarket(request, mid, 0))).value();
        assertThat(confirmed.result()).isEqualTo(PaymentOperations.ConfirmResult.OK);
        Paid paid = new Paid(intent.id(), shopper, sell, buy);
        payments.add(paid);
        if (method == CaptureMethod.AUTOMATIC) {
            captured(paid, amount);
        } else if (random.nextInt(5) == 0) {
            var canceled = f.step(() -> PaymentOperations.cancel(f.state(), SwitchFixture.MERCHANT, intent.id(),
                    "requested_by_customer")).value();
            assertThat(canceled.result()).isEqualTo(PaymentOperations.CancelResult.OK);
            return;
        } else {
            long part = random.nextBoolean() ? amount : random.nextLong(1, amount + 1);
            var capture = f.step(() -> PaymentOperations.capture(f.state(), SwitchFixture.MERCHANT, intent.id(), part))
                    .value();
            assertThat(capture.result()).isEqualTo(PaymentOperations.CaptureResult.OK);
            captured(paid, part);
        }
        int refunds = random.nextInt(4) == 0 ? random.nextInt(1, 3) : 0;
        for (int r = 0; r < refunds && paid.buyRefunded < paid.buyReceived; r++) {
            long left = paid.buyReceived - paid.buyRefunded;
            long back = random.nextBoolean() ? 0 : random.nextLong(1, left + 1);
            refund(paid, back);
        }
        PaymentIntent now = f.intent(intent.id());
        assertThat(now.conversion().sellReceived()).isEqualTo(paid.sellPaid);
        assertThat(now.conversion().sellRefunded()).isEqualTo(paid.sellBack);
    }

    /** The model's side of a capture of {@code buy}: the shopper's price rounded up, the residue it leaves. */
    private void captured(Paid paid, long buy) {
        BigInteger[] exact = exactSell(paid.sellCurrency, paid.buyCurrency, buy);
        BigInteger sell = exact[0].add(exact[1]).subtract(BigInteger.ONE).divide(exact[1]);
        paid.sellPaid += sell.longValueExact();
        paid.buyReceived += buy;
        paid.fee += Fees.ofAmount(buy, SwitchFixture.MERCHANT_FEE_BASIS_POINTS);
        // What the shopper paid over the exact price, in nano minor units, rounded down: what the carry counts.
        BigInteger overNanos = sell.multiply(exact[1]).subtract(exact[0]).multiply(BigInteger.valueOf(1_000_000_000L))
                .divide(exact[1]);
        residueNanos.merge(paid.sellCurrency, overNanos, BigInteger::add);
        // The house keeps the rounding: never less than the exact price.
        assertThat(sell.multiply(exact[1])).isGreaterThanOrEqualTo(exact[0]);
    }

    private void refund(Paid paid, long buy) {
        long refundable = paid.buyReceived - paid.buyRefunded;
        long amount = buy == 0 ? refundable : buy;
        var refunded = f.step(() -> PaymentOperations.refund(f.state(), SwitchFixture.MERCHANT,
                ObjectIds.of("re_", f.ids().next()), paid.intentId, buy, "", Map.of())).value();
        assertThat(refunded.result()).isEqualTo(PaymentOperations.RefundResult.OK);
        long back = amount == refundable ? paid.sellPaid - paid.sellBack
                : BigInteger.valueOf(amount).multiply(BigInteger.valueOf(paid.sellPaid))
                        .divide(BigInteger.valueOf(paid.buyReceived)).longValueExact();
        paid.sellBack += back;
        paid.buyRefunded += amount;
    }

    /**
     * The exact price in the sell currency's minor units of {@code buy} minor units of the buy currency at the
     * customer rate (the mid rate less the spread), as a fraction {numerator, denominator}.
     */
    private static BigInteger[] exactSell(String sell, String buy, long buyMinor) {
        // Customer rate, buy major units per sell major unit: mid * (10000 - spread) / 10000.
        BigInteger midNumerator = BigInteger.valueOf(sell.equals(USD) ? USD_JPY.numerator() : USD_JPY.denominator());
        BigInteger midDenominator = BigInteger.valueOf(sell.equals(USD) ? USD_JPY.denominator() : USD_JPY.numerator());
        BigInteger rateNumerator = midNumerator.multiply(BigInteger.valueOf(10_000 - SPREAD_BASIS_POINTS));
        BigInteger rateDenominator = midDenominator.multiply(BigInteger.valueOf(10_000));
        BigInteger sellScale = BigInteger.TEN.pow(java.util.Currency.getInstance(sell).getDefaultFractionDigits());
        BigInteger buyScale = BigInteger.TEN.pow(java.util.Currency.getInstance(buy).getDefaultFractionDigits());
        // sellMinor = buyMinor / buyScale / rate * sellScale
        return new BigInteger[] {BigInteger.valueOf(buyMinor).multiply(rateDenominator).multiply(sellScale),
                rateNumerator.multiply(buyScale)};
    }

    private static Rate midRate(String sell, String buy) {
        Rate usdJpy = new Rate(USD, JPY, USD_JPY, SwitchFixture.START_NANOS, "test");
        return sell.equals(USD) ? usdJpy : usdJpy.inverse();
    }

    private void assertBalanced() {
        Map<String, Long> shopperSpent = new HashMap<>();
        Map<String, Long> merchantHolds = new HashMap<>();
        Map<String, Long> providerPosition = new HashMap<>();
        for (Paid p : payments) {
            long net = p.sellPaid - p.sellBack;
            shopperSpent.merge(p.shopper, net, Math::addExact);
            providerPosition.merge(p.sellCurrency, net, Math::addExact);
            providerPosition.merge(p.buyCurrency, -(p.buyReceived - p.buyRefunded), Math::addExact);
            merchantHolds.merge(p.buyCurrency, p.buyReceived - p.buyRefunded - p.fee, Math::addExact);
        }
        assertThat(f.customerBalance(YEN_SHOPPER, JPY)).isEqualTo(YEN_TOP_UP - shopperSpent.get(YEN_SHOPPER));
        assertThat(f.customerBalance(DOLLAR_SHOPPER, USD)).isEqualTo(DOLLAR_TOP_UP - shopperSpent.get(DOLLAR_SHOPPER));
        for (String currency : List.of(USD, JPY)) {
            FxResidue residue = f.state().find(RecordKind.FX_RESIDUE, FxResidue.idOf(currency), FxResidue.class)
                    .orElseThrow();
            long booked = f.posted(residue.accountId());
            BigInteger nanos = BigInteger.valueOf(booked).multiply(BigInteger.valueOf(FxResidue.NANOS_PER_MINOR))
                    .add(BigInteger.valueOf(residue.carriedNanos()));
            assertThat(nanos).as("residue in " + currency).isEqualTo(residueNanos.get(currency));
            assertThat(booked).as("whole residue units booked in " + currency).isPositive();
            Id128 position = f.participantAccount(PROVIDER, currency);
            assertThat(f.posted(position)).as("provider position in " + currency)
                    .isEqualTo(providerPosition.get(currency) - booked);
            assertThat(f.merchantBalance(SwitchFixture.MERCHANT, currency)).as("merchant in " + currency)
                    .isEqualTo(merchantHolds.get(currency));
            assertThat(f.accounts().values().stream().filter(a -> a.ledger() == org.corridor.core.money.Currencies.ledger(currency))
                    .mapToLong(a -> a.debitsPending()).sum()).as("nothing left reserved in " + currency).isZero();
        }
        assertThat(LedgerAudit.violations(f.state().ledger())).isEmpty();
        assertThat(PaymentAudit.violations(f.state())).isEmpty();
    }
}
