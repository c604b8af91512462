package org.corridor.core.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.corridor.core.fx.Price;
import org.corridor.core.fx.Rate;
import org.corridor.core.fx.RateBook;
import org.corridor.core.fx.RateLookup;
import org.corridor.core.ledger.LedgerAudit;
import org.corridor.core.money.Fees;
import org.corridor.core.participant.ParticipantRole;
import org.corridor.core.payment.PaymentAudit;
import org.corridor.core.port.FxRates;
import org.corridor.core.state.SwitchFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A merchant that settles in USD and took a payment in yen is paid out in dollars: as the yen window closes, what it
 * holds in yen is converted through the liquidity provider at the market rate less the spread (rounded down, worked
 * out here with decimals); the yen window nets it to nothing and the dollars wait in the open dollar window.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PayoutConversionsTest {
    private static final String USD = SwitchFixture.USD;
    private static final String JPY = SwitchFixture.JPY;
    private static final String PROVIDER = "acct_liquidity";
    private static final int SPREAD_BASIS_POINTS = 50;

    /** USD/JPY 151.37, as of the fixture's start, held fresh for the test's short life. */
    private static FxRates rates(SwitchFixture f) {
        RateBook book = new RateBook(RateBook.RATE_AGE_LIMIT_NANOS_MAX);
        book.offer(new Rate(USD, JPY, new Price(15_137, 100), SwitchFixture.START_NANOS, "test"), f.now());
        return new FxRates() {
            @Override
            public RateLookup lookup(String base, String quote) {
                return book.lookup(base, quote, f.now());
            }

            @Override
            public int spreadBasisPoints() {
                return SPREAD_BASIS_POINTS;
            }

            @Override
            public List<Rate> published() {
                return book.rates();
            }
        };
    }

    @Test
    void aMerchantSettlingInDollarsHasItsYenConvertedAsTheYenWindowCloses() {
        SwitchFixture f = new SwitchFixture();
        f.step(() -> {
            f.openParticipant(PROVIDER, ParticipantRole.FX_PROVIDER, 0, List.of(USD, JPY));
            return null;
        });
        String yenWindow = f.step(() -> SettlementWindows.open(f.state(), JPY)).value().id();
        f.step(() -> SettlementWindows.open(f.state(), USD));
        f.step(() -> f.paid(10_000, JPY, SwitchFixture.ALICE));
        long held = 10_000 - Fees.ofAmount(10_000, SwitchFixture.MERCHANT_FEE_BASIS_POINTS);
        long dollarsBefore = f.merchantBalance(SwitchFixture.MERCHANT, USD);

        SettlementWindow closed = f.step(() -> SettlementWindows.close(f.state(), yenWindow, rates(f))).value().value();

        long cents = BigDecimal.valueOf(held).multiply(BigDecimal.valueOf(100)).multiply(new BigDecimal("0.995"))
                .divide(new BigDecimal("151.37"), 0, RoundingMode.DOWN).longValueExact();
        assertThat(f.merchantBalance(SwitchFixture.MERCHANT, JPY)).isZero();
        assertThat(f.merchantBalance(SwitchFixture.MERCHANT, USD) - dollarsBefore).isEqualTo(cents);
        assertThat(closed.positionOf(SwitchFixture.MERCHANT).orElseThrow().netMinor()).isZero();
        assertThat(closed.positionOf(PROVIDER).orElseThrow().netMinor()).isEqualTo(held);
        assertThat(f.state().ledger().account(f.participantAccount(PROVIDER, USD)).map(a -> a.debitsPosted()))
                .contains(cents);
        assertThat(LedgerAudit.violations(f.state().ledger())).isEmpty();
        assertThat(PaymentAudit.violations(f.state())).isEmpty();
    }

    @Test
    void withoutARateTheMerchantKeepsItsYenAndIsPaidOutInYen() {
        SwitchFixture f = new SwitchFixture();
        f.step(() -> {
            f.openParticipant(PROVIDER, ParticipantRole.FX_PROVIDER, 0, List.of(USD, JPY));
            return null;
        });
        String yenWindow = f.step(() -> SettlementWindows.open(f.state(), JPY)).value().id();
        f.step(() -> f.paid(10_000, JPY, SwitchFixture.ALICE));
        long held = f.merchantBalance(SwitchFixture.MERCHANT, JPY);
        SettlementWindow closed = f.step(() -> SettlementWindows.close(f.state(), yenWindow, null)).value().value();
        assertThat(closed.positionOf(SwitchFixture.MERCHANT).orElseThrow().netMinor()).isEqualTo(held);
    }
}
