package org.corridor.services;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.corridor.core.escrow.Escrows;
import org.corridor.core.payment.PaymentOperations;
import org.corridor.core.port.SwitchCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cancels payment intents whose reservation expired uncaptured (after seven days, as card authorizations do), and
 * releases to their sellers the escrows whose deadline passed, once a minute, through the writer, so their status and
 * webhooks follow the clock without waiting for a command on them.
 */
public final class ReservationSweeper implements AutoCloseable {
    /** How often expired reservations are looked for. */
    public static final long SWEEP_INTERVAL_MS = 60_000;

    private static final Logger log = LoggerFactory.getLogger(ReservationSweeper.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("reservation-sweeper").daemon(true).factory());

    private SwitchCommands commands;

    public ReservationSweeper start(SwitchCommands commands) {
        this.commands = commands;
        timer.scheduleWithFixedDelay(this::sweep, SWEEP_INTERVAL_MS, SWEEP_INTERVAL_MS, TimeUnit.MILLISECONDS);
        return this;
    }

    /** One sweep now, on the caller's thread (the timer runs the same). */
    public void sweep() {
        try {
            int canceled = commands.execute(PaymentOperations::cancelExpiredReservations);
            if (canceled > 0) log.info("canceled {} payment intents whose reservation expired", canceled);
            int released = commands.execute(Escrows::releaseDue);
            if (released > 0) log.info("released {} escrows whose deadline passed", released);
        } catch (RuntimeException failed) {
            // The next sweep tries again; a command on the intent or escrow meanwhile finds it due on its own.
            log.warn("sweeping expired reservations and due escrows failed", failed);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
