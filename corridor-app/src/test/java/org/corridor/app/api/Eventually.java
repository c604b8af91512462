package org.corridor.app.api;

import java.time.Duration;

/** Retries an assertion until it holds or a deadline passes: for effects that happen after a reply (reversals). */
final class Eventually {
    /** How long to wait between two tries. */
    static final long POLL_MS = 50;

    @FunctionalInterface
    interface Check {
        void run() throws Exception;
    }

    private Eventually() {}

    /** Runs {@code check} until it passes; after {@code within}, its last failure is thrown. */
    static void holds(Duration within, Check check) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            try {
                check.run();
                return;
            } catch (AssertionError | Exception notYet) {
                if (System.nanoTime() > deadline) throw notYet;
                Thread.sleep(POLL_MS);
            }
        }
    }
}
