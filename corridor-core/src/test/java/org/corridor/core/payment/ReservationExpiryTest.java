package org.corridor.core.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.corridor.core.state.SwitchFixture.ALICE;
import static org.corridor.core.state.SwitchFixture.ALICE_USD;
import static org.corridor.core.state.SwitchFixture.DAVE;
import static org.corridor.core.state.SwitchFixture.MERCHANT;
import static org.corridor.core.state.SwitchFixture.USD;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.corridor.core.ledger.PendingResolution;
import org.corridor.core.ledger.PendingStatus;
import org.corridor.core.payment.PaymentOperations.CancelResult;
import org.corridor.core.payment.PaymentOperations.CaptureResult;
import org.corridor.core.state.Outcome;
import org.corridor.core.state.StateChanges;
import org.corridor.core.state.SwitchFixture;
import org.corridor.core.webhook.Event;
import org.corridor.core.webhook.EventTypes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An uncaptured reservation expires after {@link PaymentOperations#RESERVATION_TIMEOUT_SECONDS}. The ledger
 * expires it when a batch opens at or after its timeout, and also refuses a post or void stamped at or after
 * the timeout in a batch that opened just before it. The writer batches many commands together, so a
 * capture or cancel may well be stamped a few nanoseconds after its batch opened: it must still get an
 * answer, never stop the writer.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ReservationExpiryTest {
    private SwitchFixture f;
    private PaymentIntent reserved;
    private long expiresAt;

    @BeforeEach
    void setUp() {
        f = new SwitchFixture();
        reserved = f.reserved(10_000, USD, ALICE);
        expiresAt = f.reservationExpiresAt(reserved);
    }

    @Test
    void theLedgerReleasesTheReservationWhenABatchOpensAtItsTimeoutAndNotBefore() {
        f.advanceTo(expiresAt - 1);
        assertThat(f.drain().ledger().pendingResolutions()).isEmpty();
        assertThat(f.customerAvailable(ALICE, USD)).isEqualTo(ALICE_USD - 10_000);

        f.advanceTo(expiresAt);
        StateChanges changes = f.drain();

        assertThat(changes.ledger().pendingResolutions())
                .containsExactly(new PendingResolution(reserved.reservationId(), PendingStatus.EXPIRED));
        assertThat(f.customerAvailable(ALICE, USD)).isEqualTo(ALICE_USD);
        assertThat(f.account(f.participantAccount(MERCHANT, USD)).creditsPending()).isZero();
        assertThat(f.intent(reserved.id()).status()).as("the intent learns of it when next touched")
                .isEqualTo(PaymentIntentStatus.REQUIRES_CAPTURE);
        assertThat(f.auditViolations()).isEmpty();
    }

    @Test
    void theReleasedFundsCanBeSpentAgain() {
        f.advanceTo(expiresAt);

        PaymentIntent again = f.paid(ALICE_USD, USD, ALICE);

        assertThat(again.status()).isEqualTo(PaymentIntentStatus.SUCCEEDED);
        assertThat(f.customerBalance(ALICE, USD)).isZero();
        assertThat(PaymentOperations.capture(f.state(), MERCHANT, reserved.id(), 0).result())
                .isEqualTo(CaptureResult.RESERVATION_EXPIRED);
        assertThat(f.customerBalance(ALICE, USD)).isZero();
        assertThat(f.auditViolations()).isEmpty();
    }

    @Test
    void aCaptureStampedAtTheTimeoutAfterAnotherCommandOfItsBatchIsAnsweredNotThrown() {
        f.advanceTo(expiresAt - 1);
        f.topUp(DAVE, 1, USD); // stamped expiresAt - 1: the capture's post would be stamped expiresAt

        AtomicReference<Outcome<CaptureResult, PaymentIntent>> outcome = new AtomicReference<>();
        assertThatCode(() -> outcome.set(PaymentOperations.capture(f.state(), MERCHANT, reserved.id(), 0)))
                .as("a capture in a busy batch just before the timeout must not stop the writer")
                .doesNotThrowAnyException();

        assertThat(outcome.get().result()).isEqualTo(CaptureResult.RESERVATION_EXPIRED);
        assertThat(f.intent(reserved.id()).status()).isEqualTo(PaymentIntentStatus.CANCELED);
        assertThat(f.intent(reserved.id()).cancellationReason()).isEqualTo("expired");
        assertThat(f.merchantBalance(MERCHANT, USD)).isZero();
        assertThat(f.auditViolations()).isEmpty();
    }

    @Test
    void aCancelStampedAtTheTimeoutAfterAnotherCommandOfItsBatchIsAnsweredNotThrown() {
        f.advanceTo(expiresAt - 1);
        f.topUp(DAVE, 1, USD); // stamped expiresAt - 1: the cancel's void would be stamped expiresAt

        AtomicReference<Outcome<CancelResult, PaymentIntent>> outcome = new AtomicReference<>();
        assertThatCode(() -> outcome.set(
                PaymentOperations.cancel(f.state(), MERCHANT, reserved.id(), "requested_by_customer")))
                .as("a cancel in a busy batch just before the timeout must not stop the writer")
                .doesNotThrowAnyException();

        assertThat(outcome.get().result()).isEqualTo(CancelResult.OK);
        assertThat(f.intent(reserved.id()).status()).isEqualTo(PaymentIntentStatus.CANCELED);
        f.advanceTo(expiresAt);
        f.drain();
        assertThat(f.customerAvailable(ALICE, USD)).isEqualTo(ALICE_USD);
        assertThat(f.auditViolations()).isEmpty();
    }

    @Test
    void theSweepCancelsExpiredReservationsOnlyAndOnlyOnce() {
        f.advanceSeconds(3_600);
        PaymentIntent later = f.reserved(5_000, USD, ALICE);
        f.advanceTo(expiresAt);

        SwitchFixture.Step<Integer> swept = f.step(() -> PaymentOperations.cancelExpiredReservations(f.state()));

        assertThat(swept.value()).isEqualTo(1);
        assertThat(f.intent(reserved.id()).status()).isEqualTo(PaymentIntentStatus.CANCELED);
        assertThat(f.intent(reserved.id()).cancellationReason()).isEqualTo("expired");
        assertThat(f.intent(later.id()).status()).as("reserved later, still live")
                .isEqualTo(PaymentIntentStatus.REQUIRES_CAPTURE);
        assertThat(swept.changes().ledger().isEmpty()).isTrue();
        assertThat(SwitchFixture.events(swept.changes())).extracting(Event::type)
                .containsExactly(EventTypes.PAYMENT_INTENT_CANCELED);
        assertThat(f.step(() -> PaymentOperations.cancelExpiredReservations(f.state())).value()).isZero();
        assertThat(PaymentAudit.violations(f.state())).isEmpty();
    }

    @Test
    void aCaptureStampedJustBeforeTheTimeoutSucceeds() {
        f.advanceTo(expiresAt - 2);
        f.topUp(DAVE, 1, USD); // stamped expiresAt - 2: the capture's post is stamped expiresAt - 1

        Outcome<CaptureResult, PaymentIntent> outcome = PaymentOperations.capture(f.state(), MERCHANT, reserved.id(), 0);

        assertThat(outcome.result()).isEqualTo(CaptureResult.OK);
        assertThat(f.merchantBalance(MERCHANT, USD)).isEqualTo(10_000 - 290);
        f.advanceTo(expiresAt);
        assertThat(f.drain().ledger().pendingResolutions()).as("a posted reservation does not expire").isEmpty();
        assertThat(f.auditViolations()).isEmpty();
    }
}
