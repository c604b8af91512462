package org.corridor.services;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.corridor.core.payment.PaymentOperations;
import org.corridor.core.port.SwitchCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cancels payment intents whose reservation expired uncaptured (after seven days, as card authorizations do),
 * once a minute, through the writer, so their status and webhooks follow the ledger without waiting for a
 * capture attempt.
 */
public final class ReservationSweeper implements AutoCloseable {
    /** How often expired reservations are looked for. */
    public static final long SWEEP_INTERVAL_MS = 60_000;

    private static final Logger log = LoggerFactory.getLogger(ReservationSweeper.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("reservation-sweeper").daemon(true).factory());

    public ReservationSweeper start(SwitchCommands commands) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                int canceled = commands.execute(PaymentOperations::cancelExpiredReservations);
                if (canceled > 0) log.info("canceled {} payment intents whose reservation expired", canceled);
            } catch (RuntimeException failed) {
                // The next sweep tries again; a capture meanwhile finds the reservation expired on its own.
                log.warn("sweeping expired reservations failed", failed);
            }
        }, SWEEP_INTERVAL_MS, SWEEP_INTERVAL_MS, TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
