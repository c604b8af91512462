package org.corridor.services.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.corridor.core.Id128;
import org.corridor.core.card.AuthorizationStatus;
import org.corridor.core.card.Card;
import org.corridor.core.card.CardAuthorization;
import org.corridor.core.card.DeviceToken;
import org.corridor.core.card.TokenDomain;
import org.corridor.core.card.TokenOperations;
import org.corridor.core.card.TokenStatus;
import org.corridor.core.ledger.LedgerStateMachine;
import org.corridor.core.participant.Participant;
import org.corridor.core.participant.ParticipantOperations;
import org.corridor.core.participant.ParticipantRole;
import org.corridor.core.payment.CaptureMethod;
import org.corridor.core.payment.CardPayments;
import org.corridor.core.payment.PaymentIntent;
import org.corridor.core.payment.PaymentIntentStatus;
import org.corridor.core.payment.PaymentOperations;
import org.corridor.core.port.SwitchCommands;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.SwitchState;
import org.corridor.gateway.issuer.IssuerLinks;
import org.corridor.services.CommittedObjects;
import org.corridor.vault.VaultFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The reversal sender's watch over authorizations whose answer was never booked (the writer refused the booking, or
 * the request thread died): once {@link ReversalSender#UNANSWERED_AFTER_MS} has passed, the authorization is booked as
 * unanswered, its intent stops waiting and its reversal is queued. Runs on the switch's real state machine.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ReversalSenderTest {
    /** A clock the test moves. */
    private static final class Clock implements InstantSource {
        final AtomicLong millis = new AtomicLong(1_800_000_000_000L);

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    }

    /** Each command a batch of its own on one state, its changes then handed to the committed objects. */
    private static final class Writer implements SwitchCommands {
        final SwitchState state;
        final CommittedObjects objects;
        final Clock clock;

        Writer(SwitchState state, CommittedObjects objects, Clock clock) {
            this.state = state;
            this.objects = objects;
            this.clock = clock;
        }

        @Override
        public synchronized <T> T execute(Function<SwitchState, T> command) {
            state.beginBatch(clock.millis() * 1_000_000);
            T answer = command.apply(state);
            objects.committed(state.drainChanges().records());
            return answer;
        }
    }

    @Test
    void anAuthorizationWhoseAnswerWasNeverBookedIsBookedAsUnansweredAndReversed() throws Exception {
        Clock clock = new Clock();
        AtomicLong ids = new AtomicLong();
        SwitchState state = new SwitchState(new LedgerStateMachine(), () -> Id128.of(ids.incrementAndGet()));
        CommittedObjects objects = new CommittedObjects();
        Writer writer = new Writer(state, objects, clock);
        String intentId = writer.execute(s -> {
            open(s, ParticipantOperations.OPERATOR_ID, ParticipantRole.OPERATOR, List.of());
            open(s, "acct_merchant", ParticipantRole.MERCHANT, List.of("411111"));
            open(s, "acct_wallet", ParticipantRole.WALLET_PROVIDER, List.of());
            open(s, "acct_issuer", ParticipantRole.ISSUER, List.of("411111"));
            TokenOperations.enrol(s, new Card("card_1", "acct_issuer", "visa", "411111", "1111", 12, 2031, "f".repeat(64),
                    "C001" + "A".repeat(25), new byte[] {1}, 0), new DeviceToken("tok_1", "acct_wallet", "", "", "",
                    TestCards.DPAN, "", "phone", TokenDomain.CONTACTLESS, TokenStatus.ACTIVE, new byte[] {2}, 0, "", 0));
            PaymentIntent intent = PaymentIntent.create("pi_1", "acct_merchant", 500, "USD", CaptureMethod.AUTOMATIC, "",
                    Map.of(), "pi_1_secret", null, s.now());
            PaymentOperations.create(s, intent);
            return CardPayments.begin(s, "acct_merchant", "pi_1", null, new CardPayments.Presentment(
                    TestCards.DPAN, 1, TokenDomain.CONTACTLESS, "TERM0001", true)).value().intent().id();
        });
        ReversalSender sender = new ReversalSender(objects, VaultFiles.inMemory(new SecureRandom()), IssuerLinks.none(),
                clock);
        objects.onAuthorization(sender::authorizationCommitted);
        objects.restored(state);
        try (ReversalSender running = sender.start(writer)) {
            Thread.sleep(3 * ReversalSender.TICK_MS);
            assertThat(status(writer)).as("not yet due").isEqualTo(AuthorizationStatus.SENT);

            clock.millis.addAndGet(ReversalSender.UNANSWERED_AFTER_MS + 1);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (status(writer) == AuthorizationStatus.SENT && System.nanoTime() < deadline) Thread.sleep(20);

            assertThat(status(writer)).isEqualTo(AuthorizationStatus.REVERSAL_PENDING);
            PaymentIntent intent = writer.execute(s -> s.find(RecordKind.PAYMENT_INTENT, intentId, PaymentIntent.class))
                    .orElseThrow();
            assertThat(intent.status()).isEqualTo(PaymentIntentStatus.REQUIRES_PAYMENT_METHOD);
            assertThat(intent.lastPaymentError().code()).isEqualTo("issuer_unavailable");
            assertThat(running.pendingCount()).as("its reversal is queued").isEqualTo(1);
        }
    }

    private static AuthorizationStatus status(Writer writer) {
        return writer.execute(s -> s.all(RecordKind.CARD_AUTHORIZATION).stream().map(CardAuthorization.class::cast)
                .findFirst().orElseThrow().status());
    }

    private static void open(SwitchState state, String id, ParticipantRole role, List<String> bins) {
        ParticipantOperations.createParticipant(state, new Participant(id, role, id, "US", "USD",
                role.acceptsPayments() ? 5411 : 0, "", 0, Map.of(), role == ParticipantRole.ISSUER ? bins : List.of(),
                Map.of(), 0), List.of("USD"));
    }
}
