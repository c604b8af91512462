package org.corridor.core.kyc;

import java.util.Optional;
import org.corridor.core.Check;
import org.corridor.core.participant.Customer;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.SwitchState;

/**
 * The limits of a customer's KYC tier, checked on the writer thread inside the command that debits the customer's
 * balance. A command asks {@link #admit} before it moves money, refuses the debit if the answer is not OK, and
 * calls {@link Admission#record} once the ledger has taken the money: a refusal (by a limit or by the ledger)
 * records nothing, and since the writer runs one command at a time, two concurrent payments can never both pass a
 * limit that only one of them fits.
 *
 * <p>Usage is counted when money leaves the balance (a reservation included) and never given back: not by a refund,
 * nor by a released or expired reservation. A customer without a tier has no limits and no usage is kept for it.
 */
public final class CustomerLimits {
    private CustomerLimits() {}

    /**
     * The answer to a debit: its result and, when OK, the customer's usage with the debit added, for
     * {@link #record} to keep once the money has moved.
     */
    public record Admission(LimitResult result, LimitUsage usage) {
        /** A debit no tier limits (a customer without a tier, a payment not from a customer's balance). */
        public static final Admission UNLIMITED = new Admission(LimitResult.OK, null);

        public boolean ok() {
            return result == LimitResult.OK;
        }

        /** Keeps the usage with the debit added: call it once the debit was made, never after a refusal. */
        public void record(SwitchState state) {
            Check.that(ok(), "only an admitted debit is recorded");
            if (usage != null) state.put(RecordKind.LIMIT_USAGE, usage.id(), usage);
        }

        private static Admission refused(LimitResult result) {
            return new Admission(result, null);
        }
    }

    /**
     * Whether {@code customer} may be debited {@code amountMinor} of {@code currency}, of which
     * {@code crossBorderUsdMinor} US cents is converted into another currency (zero for a payment in the customer's
     * own currency). Changes nothing.
     */
    public static Admission admit(SwitchState state, Customer customer, String currency, long amountMinor,
            long crossBorderUsdMinor) {
        Check.that(amountMinor > 0 && crossBorderUsdMinor >= 0, "a debit is positive, its conversion not negative");
        if (customer.kycTier().isEmpty()) return Admission.UNLIMITED;
        KycTier tier = KycTiers.find(state, customer.ownerId(), customer.kycTier())
                .orElseThrow(() -> new IllegalStateException("a customer's tier exists: " + customer.kycTier()));
        Optional<TierLimits> found = tier.limitsIn(currency);
        if (found.isEmpty()) return Admission.refused(LimitResult.CURRENCY_NOT_ALLOWED_BY_TIER);
        TierLimits limits = found.get();
        LimitUsage used = usage(state, customer);
        if (exceeds(0, amountMinor, limits.perPaymentMinor())) {
            return Admission.refused(LimitResult.PER_PAYMENT_LIMIT_EXCEEDED);
        }
        if (exceeds(used.dailyIn(currency), amountMinor, limits.dailyMinor())) {
            return Admission.refused(LimitResult.DAILY_LIMIT_EXCEEDED);
        }
        if (exceeds(used.yearlyIn(currency), amountMinor, limits.yearlyMinor())) {
            return Admission.refused(LimitResult.YEARLY_LIMIT_EXCEEDED);
        }
        if (exceeds(used.crossBorderUsdMinor(), crossBorderUsdMinor, tier.crossBorderYearlyUsdMinor())) {
            return Admission.refused(LimitResult.CROSS_BORDER_QUOTA_EXCEEDED);
        }
        return new Admission(LimitResult.OK, used.plus(currency, amountMinor, crossBorderUsdMinor));
    }

    /** What {@code customer} has used as of the batch's UTC day: nothing if it never paid under a tier. */
    public static LimitUsage usage(SwitchState state, Customer customer) {
        return state.find(RecordKind.LIMIT_USAGE, customer.id(), LimitUsage.class)
                .map(usage -> usage.on(state.now()))
                .orElseGet(() -> LimitUsage.none(customer.id(), customer.ownerId(), state.now()));
    }

    /**
     * Whether adding {@code amount} to {@code used} passes {@code limit} (zero: none). Written as a subtraction so
     * that it cannot overflow; {@code used} may be above a limit the provider lowered since.
     */
    private static boolean exceeds(long used, long amount, long limit) {
        return limit != 0 && amount > 0 && amount > limit - used;
    }
}
