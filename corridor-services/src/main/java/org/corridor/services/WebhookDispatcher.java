package org.corridor.services;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.corridor.core.EpochNanos;
import org.corridor.core.port.EventRenderer;
import org.corridor.core.port.ObjectReader;
import org.corridor.core.port.SwitchCommands;
import org.corridor.core.state.RecordKind;
import org.corridor.core.webhook.Delivery;
import org.corridor.core.webhook.DeliveryStatus;
import org.corridor.core.webhook.Event;
import org.corridor.core.webhook.WebhookEndpoint;
import org.corridor.core.webhook.WebhookOperations;
import org.corridor.gateway.webhook.DeliveryOutcome;
import org.corridor.gateway.webhook.RetrySchedule;
import org.corridor.gateway.webhook.WebhookSecret;
import org.corridor.gateway.webhook.WebhookSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers committed events to webhook endpoints, at least once, off the payment path.
 *
 * <p>Every committed delivery that is pending is scheduled at its due time; a bounded number of attempts run at
 * once, each on its own virtual thread, so a slow or dead endpoint holds at most its own slot and never a
 * payment. Each attempt's outcome is written through the writer (one small command), which makes the next
 * attempt due by {@link RetrySchedule} or gives up after three days.
 */
public final class WebhookDispatcher implements AutoCloseable {
    /** Attempts in flight at once, across all endpoints. */
    public static final int ATTEMPTS_IN_FLIGHT_MAX = 32;
    /** How long the dispatcher thread waits for due work before it looks at its stop flag again. */
    private static final long IDLE_POLL_MS = 200;

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    /** How long to wait before trying again when an attempt's outcome could not be written. */
    static final long RECORD_RETRY_MS = 5_000;

    /**
     * A delivery to attempt at {@code atNanos}, provided it is still due at {@code expectedNextAttempt} (anything
     * else means it was redelivered or attempted meanwhile, and another entry stands for it).
     */
    private record Due(String deliveryId, long expectedNextAttempt, long atNanos, InstantSource clock)
            implements Delayed {
        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(atNanos - EpochNanos.of(clock.instant()), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(atNanos, ((Due) other).atNanos);
        }
    }

    private final ObjectReader objects;
    private volatile SwitchCommands commands;
    private final EventRenderer renderer;
    private final WebhookSender sender;
    private final RetrySchedule schedule;
    private final InstantSource clock;
    private final DelayQueue<Due> due = new DelayQueue<>();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Semaphore slots = new Semaphore(ATTEMPTS_IN_FLIGHT_MAX);
    private final Thread thread;
    private volatile boolean stopping;

    /** A dispatcher that collects due deliveries at once and sends them from {@link #start}. */
    public WebhookDispatcher(ObjectReader objects, EventRenderer renderer, WebhookSender sender, RetrySchedule schedule,
            InstantSource clock) {
        this.objects = objects;
        this.renderer = renderer;
        this.sender = sender;
        this.schedule = schedule;
        this.clock = clock;
        this.thread = Thread.ofPlatform().name("webhook-dispatcher").daemon(true).unstarted(this::run);
    }

    /** Called for every committed delivery: a pending one is scheduled at its due time. */
    public void deliveryCommitted(Delivery delivery) {
        if (delivery.status() == DeliveryStatus.PENDING) {
            due.add(new Due(delivery.id(), delivery.nextAttemptAt(), delivery.nextAttemptAt(), clock));
        }
    }

    /** Starts sending; attempts' outcomes are written through {@code commands}. */
    public WebhookDispatcher start(SwitchCommands commands) {
        this.commands = commands;
        thread.start();
        return this;
    }

    private void run() {
        while (!stopping) {
            try {
                Due next = due.poll(IDLE_POLL_MS, TimeUnit.MILLISECONDS);
                if (next == null || !inFlight.add(next.deliveryId())) continue;
                slots.acquire();
                Thread.ofVirtual().name("webhook-attempt").start(() -> {
                    try {
                        attempt(next);
                    } catch (RuntimeException failure) {
                        // The delivery is still pending as it was: try it again a little later.
                        log.warn("a webhook attempt for {} could not be recorded; retrying in {} ms", next.deliveryId(),
                                RECORD_RETRY_MS, failure);
                        due.add(new Due(next.deliveryId(), next.expectedNextAttempt(),
                                EpochNanos.of(clock.instant()) + RECORD_RETRY_MS * 1_000_000, clock));
                    } finally {
                        inFlight.remove(next.deliveryId());
                        slots.release();
                    }
                });
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void attempt(Due scheduled) {
        Optional<Delivery> current = objects.find(RecordKind.DELIVERY, scheduled.deliveryId(), Delivery.class);
        // A delivery rescheduled meanwhile (redelivered, or attempted from another entry) is handled by that entry.
        if (current.isEmpty() || current.get().status() != DeliveryStatus.PENDING
                || current.get().nextAttemptAt() != scheduled.expectedNextAttempt()) {
            return;
        }
        Delivery delivery = current.get();
        Instant now = clock.instant();
        Optional<Event> event = objects.find(RecordKind.EVENT, delivery.eventId(), Event.class);
        Optional<WebhookEndpoint> endpoint = objects.find(RecordKind.WEBHOOK_ENDPOINT, delivery.endpointId(),
                WebhookEndpoint.class);
        if (event.isEmpty() || endpoint.isEmpty()) {
            record(delivery, now, false, 0, "the endpoint was deleted", 0);
            return;
        }
        List<WebhookSecret> secrets = endpoint.get().signingSecrets(EpochNanos.of(now)).stream()
                .map(WebhookSecret::parse).toList();
        DeliveryOutcome outcome = sender.send(endpoint.get().url(), event.get().id(), renderer.render(event.get()), secrets);
        Instant first = delivery.firstAttemptAt() == 0 ? now : EpochNanos.toInstant(delivery.firstAttemptAt());
        long next = outcome.delivered() ? 0
                : schedule.nextAttemptAt(first, delivery.attempts() + 1).map(EpochNanos::of).orElse(0L);
        record(delivery, now, outcome.delivered(), outcome.httpStatusCode(), outcome.failureDetail(), next);
    }

    private void record(Delivery delivery, Instant at, boolean delivered, int status, String error, long next) {
        String detail = error == null ? "" : error;
        commands.execute(state -> WebhookOperations.recordAttempt(state, delivery.id(), EpochNanos.of(at), delivered, status,
                detail, next));
    }



    @Override
    public void close() {
        stopping = true;
        thread.interrupt();
        sender.close();
    }
}
