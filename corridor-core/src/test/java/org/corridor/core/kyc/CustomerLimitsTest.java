package org.corridor.core.kyc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.core.kyc.LimitResult.CROSS_BORDER_QUOTA_EXCEEDED;
import static org.corridor.core.kyc.LimitResult.CURRENCY_NOT_ALLOWED_BY_TIER;
import static org.corridor.core.kyc.LimitResult.DAILY_LIMIT_EXCEEDED;
import static org.corridor.core.kyc.LimitResult.OK;
import static org.corridor.core.kyc.LimitResult.PER_PAYMENT_LIMIT_EXCEEDED;
import static org.corridor.core.kyc.LimitResult.YEARLY_LIMIT_EXCEEDED;
import static org.corridor.core.state.SwitchFixture.ALICE;
import static org.corridor.core.state.SwitchFixture.DAVE;
import static org.corridor.core.state.SwitchFixture.JPY;
import static org.corridor.core.state.SwitchFixture.START_NANOS;
import static org.corridor.core.state.SwitchFixture.TIER_BASIC;
import static org.corridor.core.state.SwitchFixture.USD;
import static org.corridor.core.state.SwitchFixture.WALLET;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.corridor.core.state.SwitchFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link CustomerLimits#admit}: one line per result, first check to last, against {@link SwitchFixture#TIER_BASIC}
 * (USD only: 30000 a payment, 50000 a day, 120000 a year; a cross-border quota of 100000 US cents); then the UTC day
 * and year turning over at their exact boundaries.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CustomerLimitsTest {
    /**
     * A debit by {@link SwitchFixture#ALICE}, in the basic tier, having used {@code daily}, {@code yearly} and
     * {@code crossBorderUsed} already.
     */
    record Line(LimitResult expected, String scenario, long daily, long yearly, long crossBorderUsed, String currency,
            long amount, long crossBorder) {
        @Override
        public String toString() {
            return expected + ": " + scenario;
        }
    }

    static final List<Line> TABLE = List.of(
            new Line(OK, "the first debit, at the per-payment limit", 0, 0, 0, USD, 30_000, 0),
            new Line(OK, "up to the daily limit exactly", 20_000, 20_000, 0, USD, 30_000, 0),
            new Line(OK, "up to the yearly limit exactly", 0, 90_000, 0, USD, 30_000, 0),
            new Line(OK, "up to the cross-border quota exactly", 0, 0, 90_000, USD, 100, 10_000),
            new Line(OK, "a debit without a conversion, the quota used up", 0, 0, 100_000, USD, 100, 0),
            new Line(CURRENCY_NOT_ALLOWED_BY_TIER, "a currency the tier does not list", 0, 0, 0, JPY, 1, 0),
            new Line(PER_PAYMENT_LIMIT_EXCEEDED, "one unit above the per-payment limit", 0, 0, 0, USD, 30_001, 0),
            new Line(DAILY_LIMIT_EXCEEDED, "one unit past the daily limit", 20_001, 20_001, 0, USD, 30_000, 0),
            new Line(YEARLY_LIMIT_EXCEEDED, "one unit past the yearly limit", 0, 90_001, 0, USD, 30_000, 0),
            new Line(CROSS_BORDER_QUOTA_EXCEEDED, "one cent past the cross-border quota", 0, 0, 90_001, USD, 100, 10_000),
            new Line(CURRENCY_NOT_ALLOWED_BY_TIER, "precedence: an unlisted currency, above every limit", 50_000, 120_000,
                    100_000, JPY, 30_001, 1),
            new Line(PER_PAYMENT_LIMIT_EXCEEDED, "precedence: above the per-payment limit, the day used up", 50_000,
                    120_000, 100_000, USD, 30_001, 1),
            new Line(DAILY_LIMIT_EXCEEDED, "precedence: past the daily limit and the yearly one", 50_000, 120_000,
                    100_000, USD, 1, 1),
            new Line(YEARLY_LIMIT_EXCEEDED, "precedence: past the yearly limit and the quota", 0, 120_000, 100_000,
                    USD, 1, 1));

    static Stream<Line> table() {
        return TABLE.stream();
    }

    @Test
    void theTableWalksEveryResultInDeclarationOrder() {
        assertThat(TABLE.stream().map(Line::expected).distinct().toList())
                .containsExactlyElementsOf(Arrays.asList(LimitResult.values()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void eachLineGetsItsResultAndChangesNothing(Line line) {
        SwitchFixture f = new SwitchFixture();
        f.putInBasicTier(ALICE, line.daily(), line.yearly(), line.crossBorderUsed());
        LimitUsage before = f.usage(ALICE);
        SwitchFixture.Step<CustomerLimits.Admission> step = f.step(() -> CustomerLimits.admit(f.state(),
                f.customer(ALICE), line.currency(), line.amount(), line.crossBorder()));

        assertThat(step.value().result()).isEqualTo(line.expected());
        assertThat(step.changes().isEmpty()).as("admitting alone changes nothing").isTrue();
        if (!step.value().ok()) {
            assertThat(step.value().usage()).isNull();
            return;
        }
        LimitUsage after = step.value().usage();
        assertThat(after.dailyIn(line.currency())).isEqualTo(before.dailyIn(line.currency()) + line.amount());
        assertThat(after.yearlyIn(line.currency())).isEqualTo(before.yearlyIn(line.currency()) + line.amount());
        assertThat(after.crossBorderUsdMinor()).isEqualTo(before.crossBorderUsdMinor() + line.crossBorder());
        step.value().record(f.state());
        assertThat(f.usage(ALICE)).isEqualTo(after);
    }

    @Test
    void aCustomerWithoutATierHasNoLimitsAndNoUsageIsKept() {
        SwitchFixture f = new SwitchFixture();
        CustomerLimits.Admission admitted = CustomerLimits.admit(f.state(), f.customer(DAVE), JPY,
                KycTier.LIMIT_MINOR_MAX, KycTier.LIMIT_MINOR_MAX);
        assertThat(admitted).isEqualTo(CustomerLimits.Admission.UNLIMITED);
        admitted.record(f.state());
        assertThat(f.drain().isEmpty()).isTrue();
    }

    @Test
    void aTierWithoutLimitsAllowsEveryCurrency() {
        SwitchFixture f = new SwitchFixture();
        KycTiers.define(f.state(), WALLET, "kyct_open", "open", Map.of(), 0);
        KycTiers.assign(f.state(), WALLET, ALICE, "open");
        assertThat(CustomerLimits.admit(f.state(), f.customer(ALICE), JPY, KycTier.LIMIT_MINOR_MAX, 1).result())
                .isEqualTo(OK);
    }

    @Test
    void aLimitLoweredBelowWhatWasUsedRefusesTheNextDebitWithoutOverflow() {
        SwitchFixture f = new SwitchFixture();
        f.putInBasicTier(ALICE, 50_000, 120_000, 100_000);
        KycTiers.define(f.state(), WALLET, "kyct_unused", TIER_BASIC, Map.of(USD, new TierLimits(0, 1, 0)), 1);
        assertThat(CustomerLimits.admit(f.state(), f.customer(ALICE), USD, 1, 0).result()).isEqualTo(DAILY_LIMIT_EXCEEDED);
        assertThat(CustomerLimits.admit(f.state(), f.customer(ALICE), USD, KycTier.LIMIT_MINOR_MAX, 0).result())
                .isEqualTo(DAILY_LIMIT_EXCEEDED);
    }

    @Test
    void theDailyAmountsStartAgainAtMidnightUtcExactly() {
        SwitchFixture f = new SwitchFixture();
        long midnight = START_NANOS + 9 * LimitUsage.NANOS_PER_DAY;
        f.advanceTo(midnight - 1);
        f.putInBasicTier(ALICE);
        admitAndRecord(f, 30_000);
        admitAndRecord(f, 20_000);
        assertThat(CustomerLimits.admit(f.state(), f.customer(ALICE), USD, 1, 0).result())
                .as("the last nanosecond of the day").isEqualTo(DAILY_LIMIT_EXCEEDED);

        f.advanceTo(midnight);
        LimitUsage nextDay = f.usage(ALICE);
        assertThat(nextDay.dailyIn(USD)).isZero();
        assertThat(nextDay.yearlyIn(USD)).isEqualTo(50_000);
        assertThat(Instant.ofEpochSecond(nextDay.epochDay() * 86_400).toString()).isEqualTo("2024-01-10T00:00:00Z");
        admitAndRecord(f, 30_000);
        assertThat(f.usage(ALICE).dailyIn(USD)).isEqualTo(30_000);
        assertThat(f.usage(ALICE).yearlyIn(USD)).as("the year still counts yesterday").isEqualTo(80_000);
    }

    @Test
    void theYearlyAmountsAndTheQuotaStartAgainOnTheFirstOfJanuaryUtc() {
        SwitchFixture f = new SwitchFixture();
        long newYear = Instant.parse("2025-01-01T00:00:00Z").getEpochSecond() * SwitchFixture.NANOS_PER_SECOND;
        f.advanceTo(newYear - 1);
        f.putInBasicTier(ALICE, 0, 120_000, 100_000);
        assertThat(f.usage(ALICE).year()).isEqualTo(2024);
        assertThat(CustomerLimits.admit(f.state(), f.customer(ALICE), USD, 1, 0).result()).isEqualTo(YEARLY_LIMIT_EXCEEDED);

        f.advanceTo(newYear);
        LimitUsage newYearUsage = f.usage(ALICE);
        assertThat(newYearUsage.year()).isEqualTo(2025);
        assertThat(newYearUsage.yearlyIn(USD)).isZero();
        assertThat(newYearUsage.crossBorderUsdMinor()).isZero();
        CustomerLimits.Admission admitted = CustomerLimits.admit(f.state(), f.customer(ALICE), USD, 30_000, 100_000);
        assertThat(admitted.result()).isEqualTo(OK);
        admitted.record(f.state());
        assertThat(f.usage(ALICE).crossBorderUsdMinor()).isEqualTo(100_000);
    }

    @Test
    void theUsageRecordIsWrittenOnlyByRecord() {
        SwitchFixture f = new SwitchFixture();
        f.putInBasicTier(ALICE);
        SwitchFixture.Step<CustomerLimits.Admission> step = f.step(() -> {
            CustomerLimits.Admission admitted = CustomerLimits.admit(f.state(), f.customer(ALICE), USD, 7, 0);
            admitted.record(f.state());
            return admitted;
        });
        assertThat(SwitchFixture.records(step.changes(), org.corridor.core.state.RecordKind.LIMIT_USAGE, LimitUsage.class))
                .singleElement().satisfies(usage -> {
                    assertThat(usage.id()).isEqualTo(ALICE);
                    assertThat(usage.ownerId()).isEqualTo(WALLET);
                    assertThat(usage.dailyIn(USD)).isEqualTo(7);
                });
    }

    private static void admitAndRecord(SwitchFixture f, long amount) {
        CustomerLimits.Admission admitted = CustomerLimits.admit(f.state(), f.customer(ALICE), USD, amount, 0);
        assertThat(admitted.result()).isEqualTo(OK);
        admitted.record(f.state());
    }
}
