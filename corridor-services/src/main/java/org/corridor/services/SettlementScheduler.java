package org.corridor.services;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.corridor.core.port.SwitchCommands;
import org.corridor.core.port.FxRates;
import org.corridor.core.settlement.SettlementWindows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes and settles settlement windows on a schedule ({@code corridor serve --settlement-close-every}), through
 * the writer: each round opens the windows missing, closes every window whose currency moved and settles every
 * closed window, so a window an earlier round or a crash left closed is settled by the next round. With an
 * interval of zero nothing is scheduled: the operator closes and settles through the API.
 */
public final class SettlementScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SettlementScheduler.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("settlement-scheduler").daemon(true).factory());

    /**
     * Runs a round every {@code intervalMs} milliseconds, the first one interval after now; 0 runs none. Merchants'
     * balances in other currencies than their settlement currency are converted at {@code rates} as windows close.
     */
    public SettlementScheduler start(SwitchCommands commands, long intervalMs, FxRates rates) {
        if (intervalMs < 0) throw new IllegalArgumentException("a settlement interval is zero or more");
        if (intervalMs == 0) return this;
        timer.scheduleWithFixedDelay(() -> {
            try {
                int settled = commands.execute(state -> SettlementWindows.closeAndSettleAll(state, rates));
                if (settled > 0) log.info("settled {} settlement windows", settled);
            } catch (RuntimeException failed) {
                // The next round tries again: a closed window stays closed until a round settles it.
                log.warn("closing and settling settlement windows failed", failed);
            }
        }, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
