package org.corridor.core.kyc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.core.state.SwitchFixture.ALICE;
import static org.corridor.core.state.SwitchFixture.BOB;
import static org.corridor.core.state.SwitchFixture.MERCHANT;
import static org.corridor.core.state.SwitchFixture.OTHER_WALLET;
import static org.corridor.core.state.SwitchFixture.TIER_BASIC;
import static org.corridor.core.state.SwitchFixture.TIER_BASIC_ID;
import static org.corridor.core.state.SwitchFixture.USD;
import static org.corridor.core.state.SwitchFixture.WALLET;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.corridor.core.kyc.KycTiers.AssignResult;
import org.corridor.core.kyc.KycTiers.DefineResult;
import org.corridor.core.participant.Customer;
import org.corridor.core.state.Outcome;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.SwitchFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The result tables of {@link KycTiers#define} and {@link KycTiers#assign}: a refusal writes nothing. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class KycTiersTest {
    private static final Map<String, TierLimits> GOLD = Map.of(USD, new TierLimits(0, 0, 1_000_000));

    record Line<R extends Enum<R>, V>(R expected, String scenario, Function<SwitchFixture, Outcome<R, V>> command) {
        @Override
        public String toString() {
            return expected + ": " + scenario;
        }
    }

    private static Line<DefineResult, KycTier> define(DefineResult expected, String scenario, String owner, String name) {
        return new Line<>(expected, scenario, f -> KycTiers.define(f.state(), owner, "kyct_new", name, GOLD, 5_000_000));
    }

    private static Line<AssignResult, Customer> assign(AssignResult expected, String scenario, String owner,
            String customer, String tier) {
        return new Line<>(expected, scenario, f -> KycTiers.assign(f.state(), owner, customer, tier));
    }

    static final List<Line<DefineResult, KycTier>> DEFINITIONS = List.of(
            define(DefineResult.OK, "a new tier of a wallet provider", WALLET, "gold"),
            define(DefineResult.OK, "the name of its existing tier: its limits are replaced", WALLET, TIER_BASIC),
            define(DefineResult.OK, "the name another provider uses", OTHER_WALLET, TIER_BASIC),
            define(DefineResult.NOT_A_WALLET_PROVIDER, "by a merchant", MERCHANT, "gold"),
            new Line<>(DefineResult.TOO_MANY_TIERS, "one tier more than a provider may have", f -> {
                for (int i = 1; i < KycTiers.TIERS_PER_PROVIDER_MAX; i++) {
                    assertThat(KycTiers.define(f.state(), WALLET, "kyct_" + i, "tier_" + i, Map.of(), 0).ok()).isTrue();
                }
                f.drain();
                return KycTiers.define(f.state(), WALLET, "kyct_new", "gold", GOLD, 0);
            }),
            define(DefineResult.NOT_A_WALLET_PROVIDER, "precedence: a merchant, for a name it cannot have", MERCHANT,
                    TIER_BASIC));

    static final List<Line<AssignResult, Customer>> ASSIGNMENTS = List.of(
            assign(AssignResult.OK, "into one of its provider's tiers", WALLET, ALICE, TIER_BASIC),
            assign(AssignResult.OK, "out of any tier", WALLET, ALICE, ""),
            assign(AssignResult.CUSTOMER_NOT_FOUND, "another provider's customer", WALLET, BOB, TIER_BASIC),
            assign(AssignResult.CUSTOMER_NOT_FOUND, "no such customer", WALLET, "cus_nobody", TIER_BASIC),
            assign(AssignResult.KYC_TIER_UNKNOWN, "a tier never defined", WALLET, ALICE, "gold"),
            assign(AssignResult.KYC_TIER_UNKNOWN, "another provider's tier name", OTHER_WALLET, BOB, TIER_BASIC),
            assign(AssignResult.CUSTOMER_NOT_FOUND, "precedence: another's customer, into an unknown tier", WALLET, BOB,
                    "gold"));

    static Stream<Line<DefineResult, KycTier>> definitions() {
        return DEFINITIONS.stream();
    }

    static Stream<Line<AssignResult, Customer>> assignments() {
        return ASSIGNMENTS.stream();
    }

    @Test
    void theTablesWalkEveryResultInDeclarationOrder() {
        assertThat(DEFINITIONS.stream().map(Line::expected).distinct().toList())
                .containsExactlyElementsOf(Arrays.asList(DefineResult.values()));
        assertThat(ASSIGNMENTS.stream().map(Line::expected).distinct().toList())
                .containsExactlyElementsOf(Arrays.asList(AssignResult.values()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("definitions")
    void eachDefinitionGetsItsResult(Line<DefineResult, KycTier> line) {
        SwitchFixture f = new SwitchFixture();
        f.advanceSeconds(60);
        SwitchFixture.Step<Outcome<DefineResult, KycTier>> step = f.step(() -> line.command().apply(f));

        assertThat(step.value().result()).isEqualTo(line.expected());
        if (!step.value().ok()) {
            assertThat(step.changes().isEmpty()).as("a refusal changes nothing").isTrue();
            return;
        }
        KycTier tier = step.value().value();
        assertThat(tier.limits()).isEqualTo(GOLD);
        assertThat(tier.crossBorderYearlyUsdMinor()).isEqualTo(5_000_000);
        assertThat(tier.updatedAt()).isEqualTo(f.now());
        assertThat(KycTiers.find(f.state(), tier.ownerId(), tier.name())).contains(tier);
        assertThat(SwitchFixture.records(step.changes(), RecordKind.KYC_TIER, KycTier.class)).containsExactly(tier);
        boolean redefined = tier.ownerId().equals(WALLET) && tier.name().equals(TIER_BASIC);
        assertThat(tier.id()).isEqualTo(redefined ? TIER_BASIC_ID : "kyct_new");
        assertThat(tier.createdAt()).isEqualTo(redefined ? SwitchFixture.START_NANOS : f.now());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("assignments")
    void eachAssignmentGetsItsResult(Line<AssignResult, Customer> line) {
        SwitchFixture f = new SwitchFixture();
        SwitchFixture.Step<Outcome<AssignResult, Customer>> step = f.step(() -> line.command().apply(f));

        assertThat(step.value().result()).isEqualTo(line.expected());
        if (!step.value().ok()) {
            assertThat(step.changes().isEmpty()).as("a refusal changes nothing").isTrue();
            return;
        }
        Customer moved = step.value().value();
        assertThat(f.customer(moved.id())).isEqualTo(moved);
        assertThat(SwitchFixture.events(step.changes())).as("moving a customer emits no event").isEmpty();
    }

    @Test
    void aCustomerMovedToAnotherTierKeepsWhatItUsed() {
        SwitchFixture f = new SwitchFixture();
        f.putInBasicTier(ALICE, 40_000, 40_000, 0);
        KycTiers.define(f.state(), WALLET, "kyct_gold", "gold", Map.of(USD, new TierLimits(0, 45_000, 0)), 0);
        assertThat(KycTiers.assign(f.state(), WALLET, ALICE, "gold").ok()).isTrue();
        assertThat(CustomerLimits.admit(f.state(), f.customer(ALICE), USD, 5_001, 0).result())
                .isEqualTo(LimitResult.DAILY_LIMIT_EXCEEDED);
        assertThat(CustomerLimits.admit(f.state(), f.customer(ALICE), USD, 5_000, 0).ok()).isTrue();
    }
}
