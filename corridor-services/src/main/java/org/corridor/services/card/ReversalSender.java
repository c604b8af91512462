package org.corridor.services.card;

import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.corridor.codec.iso8583.CardMessage;
import org.corridor.core.card.AuthorizationStatus;
import org.corridor.core.card.Card;
import org.corridor.core.card.CardAuthorization;
import org.corridor.core.card.DeviceToken;
import org.corridor.core.participant.Participant;
import org.corridor.core.payment.CardPayments;
import org.corridor.core.port.ObjectReader;
import org.corridor.core.port.SwitchCommands;
import org.corridor.core.state.RecordKind;
import org.corridor.gateway.issuer.CardRequests;
import org.corridor.gateway.issuer.IssuerLinks;
import org.corridor.vault.TokenVault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a 0400 for every authorization that is {@link AuthorizationStatus#REVERSAL_PENDING} and repeats it, with a
 * back-off, until the issuer approves it ("00"); that is then made durable ({@link AuthorizationStatus#REVERSED}).
 * The pending set comes from the committed authorizations, at start-up and after each batch, so reversals outlive
 * restarts. An issuer finds the original by its retrieval reference number and reverses it at most once, however
 * many times the 0400 arrives.
 *
 * <p>It also watches authorizations still {@link AuthorizationStatus#SENT}: one whose answer was not booked within
 * {@link #UNANSWERED_AFTER_MS} (the writer refused the booking, or the request thread died) is booked as unanswered,
 * which queues its reversal, so no approval stays unrecorded until the next restart.
 */
public final class ReversalSender implements AutoCloseable {
    /** The pause before the first attempt is retried. */
    public static final long RETRY_INITIAL_MS = 1_000;
    /** The longest pause between attempts. */
    public static final long RETRY_MAX_MS = 60_000;
    /** How often the sender looks for due reversals. */
    public static final long TICK_MS = 50;
    /** Reversals started per tick at most, so a backlog after an outage drains without flooding a link. */
    public static final int REVERSALS_PER_TICK_MAX = 256;
    /** Reversals waiting for an issuer's answer at once, at most. */
    public static final int REVERSALS_IN_FLIGHT_MAX = 64;
    /** How long an authorization may stay sent without its answer booked before it is booked as unanswered. */
    public static final long UNANSWERED_AFTER_MS = IssuerReplies.AWAIT_MS_MAX + 60_000;

    private static final Logger LOG = LoggerFactory.getLogger(ReversalSender.class);
    /** Marks a reversal whose 0400 is on its way: not due again until its answer or timeout. */
    private static final long IN_FLIGHT = Long.MAX_VALUE;

    private record Due(long atMs, int attempts) {}

    private final ObjectReader objects;
    private final TokenVault vault;
    private final IssuerLinks links;
    private final InstantSource clock;
    private final Map<String, Due> pending = new ConcurrentHashMap<>();
    /** Authorizations sent and not yet answered, with when they are to be booked as unanswered. */
    private final Map<String, Long> unanswered = new ConcurrentHashMap<>();
    private final Semaphore inFlight = new Semaphore(REVERSALS_IN_FLIGHT_MAX);
    private volatile SwitchCommands commands;
    private volatile Thread loop;
    private volatile boolean stopped;

    public ReversalSender(ObjectReader objects, TokenVault vault, IssuerLinks links, InstantSource clock) {
        this.objects = objects;
        this.vault = vault;
        this.links = links;
        this.clock = clock;
    }

    /** Takes note of a committed authorization (wire this to the committed objects). */
    public void authorizationCommitted(CardAuthorization authorization) {
        if (authorization.status() == AuthorizationStatus.SENT) {
            unanswered.putIfAbsent(authorization.id(), clock.millis() + UNANSWERED_AFTER_MS);
        } else {
            unanswered.remove(authorization.id());
        }
        if (authorization.status() == AuthorizationStatus.REVERSAL_PENDING) {
            pending.putIfAbsent(authorization.id(), new Due(clock.millis(), 0));
        } else {
            pending.remove(authorization.id());
        }
    }

    /** How many reversals wait for an acknowledgement. */
    public int pendingCount() {
        return pending.size();
    }

    public ReversalSender start(SwitchCommands writer) {
        this.commands = writer;
        loop = Thread.ofVirtual().name("reversal-sender").start(this::run);
        return this;
    }

    private void run() {
        while (!stopped) {
            try {
                Thread.sleep(TICK_MS);
                bookUnanswered();
                sendDue();
            } catch (InterruptedException interrupted) {
                return;
            } catch (RuntimeException unexpected) {
                LOG.error("reversal round failed; retrying on the next tick", unexpected);
            }
        }
    }

    private void bookUnanswered() {
        long now = clock.millis();
        for (Map.Entry<String, Long> entry : unanswered.entrySet()) {
            if (entry.getValue() > now) continue;
            String id = entry.getKey();
            LOG.warn("authorization {} was sent but its answer was never booked; booking it as unanswered", id);
            commands.execute(state -> CardPayments.complete(state, id, null));
            unanswered.remove(id);
        }
    }

    private void sendDue() {
        long now = clock.millis();
        int started = 0;
        for (Map.Entry<String, Due> entry : pending.entrySet()) {
            if (started == REVERSALS_PER_TICK_MAX) return;
            Due due = entry.getValue();
            if (due.atMs() > now) continue;
            if (!inFlight.tryAcquire()) return;
            if (!pending.replace(entry.getKey(), due, new Due(IN_FLIGHT, due.attempts()))) {
                inFlight.release();
                continue;
            }
            started++;
            Thread.ofVirtual().name("reversal " + entry.getKey()).start(() -> attempt(entry.getKey(), due.attempts()));
        }
    }

    private void attempt(String authorizationId, int attemptsBefore) {
        try {
            attemptOnce(authorizationId, attemptsBefore);
        } finally {
            inFlight.release();
            // Due again after a back-off unless acknowledged meanwhile (which removed it): never left in flight.
            long pause = Math.min(RETRY_MAX_MS, RETRY_INITIAL_MS << Math.min(attemptsBefore, 16));
            pending.computeIfPresent(authorizationId, (id, due) -> due.atMs() == IN_FLIGHT
                    ? new Due(clock.millis() + pause, attemptsBefore + 1) : due);
        }
    }

    private void attemptOnce(String authorizationId, int attemptsBefore) {
        boolean acknowledged = false;
        try {
            acknowledged = send(authorizationId);
        } catch (RuntimeException failed) {
            LOG.warn("reversal of {} could not be sent", authorizationId, failed);
        }
        if (stopped) return;
        try {
            if (acknowledged) {
                commands.execute(state -> {
                    CardPayments.reversalAcknowledged(state, authorizationId);
                    return null;
                });
                return;
            }
            if (attemptsBefore == 0) {
                LOG.warn("reversal of {} was not acknowledged; it will be repeated until it is", authorizationId);
            }
            commands.execute(state -> {
                CardPayments.reversalAttempted(state, authorizationId);
                return null;
            });
        } catch (RuntimeException writerFailed) {
            LOG.warn("reversal of {}: the writer did not take the outcome; retrying", authorizationId, writerFailed);
        }
    }

    /** Sends one 0400; whether the issuer approved it. */
    private boolean send(String authorizationId) {
        CardAuthorization authorization = objects.find(RecordKind.CARD_AUTHORIZATION, authorizationId,
                CardAuthorization.class).orElseThrow();
        DeviceToken token = objects.find(RecordKind.DEVICE_TOKEN, authorization.tokenId(), DeviceToken.class).orElseThrow();
        Card card = objects.find(RecordKind.CARD, token.cardId(), Card.class).orElseThrow();
        Participant merchant = objects.find(RecordKind.PARTICIPANT, authorization.ownerId(), Participant.class)
                .orElseThrow();
        CardRequests.Payment payment = IssuerPayments.of(authorization, card, merchant, null);
        CardMessage reversal = vault.withClearPan(card.sealedPan(), card.id(),
                clear -> CardRequests.reversal(clear, payment, clock.instant()));
        CardPayments.IssuerReply reply = IssuerReplies.await(links.send(IssuerPayments.network(card), reversal));
        return reply != null && reply.approved();
    }

    @Override
    public void close() {
        stopped = true;
        Thread running = loop;
        if (running != null) running.interrupt();
    }
}
