package org.corridor.core.kyc;

import java.util.Locale;

/** What {@link CustomerLimits#check} answers, in the order the checks run. */
public enum LimitResult {
    OK("The debit is within the customer's limits."),
    CURRENCY_NOT_ALLOWED_BY_TIER("The customer's KYC tier does not allow payments in this currency."),
    PER_PAYMENT_LIMIT_EXCEEDED("The amount is above the per-payment limit of the customer's KYC tier."),
    DAILY_LIMIT_EXCEEDED("The amount would take the customer past the daily limit of its KYC tier."),
    YEARLY_LIMIT_EXCEEDED("The amount would take the customer past the yearly limit of its KYC tier."),
    CROSS_BORDER_QUOTA_EXCEEDED("The conversion would take the customer past the yearly cross-border quota of its KYC tier.");

    private final String message;

    LimitResult(String message) {
        this.message = message;
    }

    /** The stable code clients see, such as {@code daily_limit_exceeded}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A sentence for people. */
    public String message() {
        return message;
    }
}
