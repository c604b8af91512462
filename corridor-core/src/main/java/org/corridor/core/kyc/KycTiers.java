package org.corridor.core.kyc;

import java.util.Map;
import java.util.Optional;
import org.corridor.core.participant.Customer;
import org.corridor.core.participant.Participant;
import org.corridor.core.state.Outcome;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.SwitchState;

/** Commands on KYC tiers, run on the writer thread: a wallet provider defines its tiers and moves customers between them. */
public final class KycTiers {
    /** Tiers one wallet provider may define: a handful is the norm; this bounds the count below. */
    public static final int TIERS_PER_PROVIDER_MAX = 100;

    /** In precedence order. */
    public enum DefineResult { OK, NOT_A_WALLET_PROVIDER, TOO_MANY_TIERS }

    /** In precedence order. */
    public enum AssignResult { OK, CUSTOMER_NOT_FOUND, KYC_TIER_UNKNOWN }

    private KycTiers() {}

    /**
     * Defines {@code ownerId}'s tier {@code name}, or replaces its limits if it exists (keeping its id; {@code id} is
     * used for a new tier only). Customers in the tier pay under the new limits from the next debit on.
     */
    public static Outcome<DefineResult, KycTier> define(SwitchState state, String ownerId, String id, String name,
            Map<String, TierLimits> limits, long crossBorderYearlyUsdMinor) {
        Participant owner = state.find(RecordKind.PARTICIPANT, ownerId, Participant.class).orElseThrow();
        if (!owner.role().holdsCustomers()) return Outcome.refused(DefineResult.NOT_A_WALLET_PROVIDER);
        Optional<KycTier> existing = find(state, ownerId, name);
        if (existing.isEmpty() && tierCount(state, ownerId) >= TIERS_PER_PROVIDER_MAX) {
            return Outcome.refused(DefineResult.TOO_MANY_TIERS);
        }
        KycTier tier = existing
                .map(found -> found.redefined(limits, crossBorderYearlyUsdMinor, state.now()))
                .orElseGet(() -> new KycTier(id, ownerId, name, limits, crossBorderYearlyUsdMinor, state.now(),
                        state.now()));
        state.put(RecordKind.KYC_TIER, tier.id(), tier);
        return Outcome.of(DefineResult.OK, tier);
    }

    /**
     * Moves {@code ownerId}'s customer into tier {@code name} (empty: out of any tier, so without limits). What the
     * customer used so far today and this year still counts under the new tier.
     */
    public static Outcome<AssignResult, Customer> assign(SwitchState state, String ownerId, String customerId,
            String name) {
        Optional<Customer> customer = state.find(RecordKind.CUSTOMER, customerId, Customer.class)
                .filter(c -> c.ownerId().equals(ownerId));
        if (customer.isEmpty()) return Outcome.refused(AssignResult.CUSTOMER_NOT_FOUND);
        if (!known(state, ownerId, name)) return Outcome.refused(AssignResult.KYC_TIER_UNKNOWN);
        Customer moved = customer.get().withKycTier(name);
        state.put(RecordKind.CUSTOMER, customerId, moved);
        return Outcome.of(AssignResult.OK, moved);
    }

    /** {@code ownerId}'s tier called {@code name}. */
    public static Optional<KycTier> find(SwitchState state, String ownerId, String name) {
        return state.findByKey(RecordKind.KYC_TIER, KycTier.key(ownerId, name), KycTier.class);
    }

    /** Whether a customer of {@code ownerId} may be put in tier {@code name}: one of its tiers, or none (empty). */
    public static boolean known(SwitchState state, String ownerId, String name) {
        return name.isEmpty() || find(state, ownerId, name).isPresent();
    }

    /** Scans every tier: defining one is rare, and tiers are few. */
    private static long tierCount(SwitchState state, String ownerId) {
        return state.all(RecordKind.KYC_TIER).stream().filter(t -> ((KycTier) t).ownerId().equals(ownerId)).count();
    }
}
