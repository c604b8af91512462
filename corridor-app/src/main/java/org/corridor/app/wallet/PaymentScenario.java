package org.corridor.app.wallet;

import java.util.SplittableRandom;

/**
 * The kinds of payment a run makes, with how many in a hundred of each. Most are ordinary ones; a few are refusals
 * on purpose, to show the switch's checks: a replayed ATC, a corrupted cryptogram, a token used outside its domain,
 * and a suspended token.
 */
public enum PaymentScenario {
    /** Automatic capture: one confirm, the intent ends {@code succeeded}. */
    AUTOMATIC_CAPTURE(30, "automatic capture"),
    /** Manual capture of the whole amount. */
    MANUAL_CAPTURE(15, "manual + capture"),
    /** Manual capture of half the amount; the rest is released. */
    PARTIAL_CAPTURE(12, "manual + partial capture"),
    /** Manual, then cancelled: the authorization is voided. */
    VOID(12, "manual + void"),
    /** Automatic capture, then half refunded. */
    REFUND(13, "automatic + refund"),
    /** The same presentment (same ATC and cryptogram) confirmed on a second intent of the same amount. */
    ATC_REPLAY(5, "replayed ATC"),
    /** One bit of the cryptogram flipped. */
    CORRUPTED_CRYPTOGRAM(5, "corrupted cryptogram"),
    /** A correct cryptogram presented with the other channel's entry mode. */
    WRONG_DOMAIN(4, "token outside its domain"),
    /** The wallet provider suspends the token, the merchant tries it, the token is resumed. */
    SUSPENDED_TOKEN(4, "suspended token");

    /** The sum of the weights. */
    static final int WEIGHT_TOTAL = 100;

    private final int weight;
    private final String label;

    PaymentScenario(int weight, String label) {
        this.weight = weight;
        this.label = label;
    }

    /** A short description for the summary. */
    public String label() {
        return label;
    }

    /** Whether the scenario is meant to be refused by the switch. */
    public boolean refusalExpected() {
        return this == ATC_REPLAY || this == CORRUPTED_CRYPTOGRAM || this == WRONG_DOMAIN || this == SUSPENDED_TOKEN;
    }

    /** A scenario drawn with the weights above. */
    public static PaymentScenario pick(SplittableRandom random) {
        int draw = random.nextInt(WEIGHT_TOTAL);
        for (PaymentScenario scenario : values()) {
            if (draw < scenario.weight) return scenario;
            draw -= scenario.weight;
        }
        throw new IllegalStateException("the scenario weights add up to " + WEIGHT_TOTAL);
    }

    static int weightSum() {
        int sum = 0;
        for (PaymentScenario scenario : values()) sum += scenario.weight;
        return sum;
    }
}
