package org.corridor.app.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The API benchmark's errors: every answer other than 200, every request left without an answer, every reply
 * that disagrees with what was asked. Past {@code errorsMax} the run stops: figures from a failing server
 * are not figures.
 */
final class ApiErrors {
    /** Errors whose text is kept for the report; the rest are only counted. */
    static final int EXAMPLES_MAX = 5;

    private final long errorsMax;
    private final AtomicLong count = new AtomicLong();
    private final List<String> examples = new ArrayList<>();

    ApiErrors(long errorsMax) {
        this.errorsMax = errorsMax;
    }

    void record(String what) {
        count.incrementAndGet();
        synchronized (examples) {
            if (examples.size() < EXAMPLES_MAX) examples.add(what);
        }
    }

    long count() {
        return count.get();
    }

    /** True once the errors exceed the bound: clients stop starting payments. */
    boolean exceeded() {
        return count.get() > errorsMax;
    }

    long errorsMax() {
        return errorsMax;
    }

    List<String> examples() {
        synchronized (examples) {
            return List.copyOf(examples);
        }
    }
}
