package org.corridor.app.wallet;

import org.corridor.sim.wallet.ApiResult;

/**
 * How one scenario ended: the step that decided it and that step's result.
 *
 * @param scenario what was tried
 * @param step the last step run ({@code create}, {@code confirm}, {@code capture}, {@code cancel}, {@code refund},
 *     {@code replay}, {@code suspend}, {@code resume})
 * @param result its result
 */
public record PaymentOutcome(PaymentScenario scenario, String step, ApiResult result) {
    /** The label the summary counts: {@code capture: succeeded}, {@code confirm: card_declined/51}, ... */
    public String label() {
        return step + ": " + result.outcome();
    }

    /** The ISO decline code, or an empty string. */
    String declineCode() {
        return result.declineCode() == null ? "" : result.declineCode();
    }
}
