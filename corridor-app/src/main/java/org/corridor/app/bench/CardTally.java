package org.corridor.app.bench;

import java.util.HashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** One card benchmark client's counts, merged at the end; owned by one thread until then. */
final class CardTally {
    final Histogram confirmNanos = histogram();
    final Histogram createNanos = histogram();
    long measured;
    long approved;
    final Map<String, Long> declinesByCode = new HashMap<>();
    /** When the last measured authorization was answered ({@link System#nanoTime()}); meaningless while none was. */
    long lastMeasuredFinish = Long.MIN_VALUE;
    long authorizations;
    /** Every approved amount, warm-up included, by simulated bank: what Corridor and the issuer must both hold. */
    final Map<String, Long> approvedMinorByBank = new HashMap<>();
    long unknown;

    private static Histogram histogram() {
        return new Histogram(ApiPaymentLoad.LATENCY_NANOS_MAX, ApiPaymentLoad.LATENCY_SIGNIFICANT_DIGITS);
    }

    void record(CardParties.EnrolledCard card, long amountMinor, CardPayment.Outcome outcome, boolean inWindow,
            long finish) {
        authorizations++;
        switch (outcome.kind()) {
            case APPROVED -> approvedMinorByBank.merge(card.bankId(), amountMinor, Math::addExact);
            case UNKNOWN -> unknown++;
            case DECLINED, NOT_ATTEMPTED -> {}
        }
        boolean answered = outcome.kind() == CardPayment.Kind.APPROVED || outcome.kind() == CardPayment.Kind.DECLINED;
        if (!inWindow || !answered) return;
        measured++;
        if (outcome.kind() == CardPayment.Kind.APPROVED) approved++;
        else declinesByCode.merge(outcome.declineCode(), 1L, Long::sum);
        confirmNanos.recordValue(Math.min(outcome.confirmNanos(), ApiPaymentLoad.LATENCY_NANOS_MAX));
        createNanos.recordValue(Math.min(outcome.createNanos(), ApiPaymentLoad.LATENCY_NANOS_MAX));
        lastMeasuredFinish = finish;
    }

    void add(CardTally other) {
        confirmNanos.add(other.confirmNanos);
        createNanos.add(other.createNanos);
        if (other.measured > 0 && (measured == 0 || other.lastMeasuredFinish - lastMeasuredFinish > 0)) {
            lastMeasuredFinish = other.lastMeasuredFinish;
        }
        measured += other.measured;
        approved += other.approved;
        other.declinesByCode.forEach((code, count) -> declinesByCode.merge(code, count, Long::sum));
        authorizations += other.authorizations;
        other.approvedMinorByBank.forEach((bank, amount) -> approvedMinorByBank.merge(bank, amount, Math::addExact));
        unknown += other.unknown;
    }
}
