package org.corridor.sim.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.corridor.core.ledger.CreateTransferResult.EXCEEDS_CREDITS;
import static org.corridor.core.ledger.CreateTransferResult.OK;
import static org.corridor.core.ledger.CreateTransferResult.OVERFLOWS_TIMEOUT;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.corridor.core.Id128;
import org.corridor.core.ledger.Account;
import org.corridor.core.ledger.CreateAccountResult;
import org.corridor.core.ledger.CreateTransferResult;
import org.corridor.core.ledger.Transfer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine against the reference model, over seeded workloads: every answer, every balance and every
 * batch's changes must agree, and the engine's audit must pass after every batch.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LedgerModelTest {
    private static final int SEEDS = 20;
    private static final int STEPS = 3_000;
    private static final WorkloadConfig CONFIG = WorkloadConfig.defaults();

    /**
     * Every answer but one must be reached across a few seeds, or the workload has stopped exercising what it
     * was written for. An overflowing timeout needs a clock near the year 2194; the table test covers it.
     */
    private static final EnumSet<CreateTransferResult> MUST_REACH = EnumSet.complementOf(EnumSet.of(OVERFLOWS_TIMEOUT));
    private static final int COVERAGE_SEEDS = 3;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, SEEDS);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theEngineAgreesWithTheReferenceModel(long seed) {
        new LedgerModelRun(seed, CONFIG).start().run(STEPS);
    }

    @Test
    void theWorkloadReachesTheAwkwardCases() {
        Map<CreateTransferResult, Integer> reached = new EnumMap<>(CreateTransferResult.class);
        Map<CreateAccountResult, Integer> accounts = new EnumMap<>(CreateAccountResult.class);
        for (long seed = 1; seed <= COVERAGE_SEEDS; seed++) {
            LedgerModelRun run = new LedgerModelRun(seed, CONFIG).start().run(STEPS);
            run.transferResults().forEach((result, count) -> reached.merge(result, count, Integer::sum));
            run.accountResults().forEach((result, count) -> accounts.merge(result, count, Integer::sum));
        }

        assertThat(reached.keySet()).as("answers reached: %s", reached).containsAll(MUST_REACH);
        assertThat(accounts.keySet()).as("account answers reached: %s", accounts)
                .containsExactlyInAnyOrder(CreateAccountResult.values());
        assertThat(reached.get(OK)).as("most events still succeed").isGreaterThan(reached.get(EXCEEDS_CREDITS));
    }

    @Test
    void theRunNoticesADivergenceAndNamesTheSeedAndStep() {
        LedgerModelRun run = new LedgerModelRun(7, CONFIG).start();
        // One payment the reference never sees: the next batch's comparison must catch it.
        List<Account> initial = new LedgerWorkload(7, CONFIG).initialAccounts();
        Account treasury = initial.get(1);
        Account hot = initial.get(0);
        run.engine().beginBatch(CONFIG.startNanos());
        run.engine().createTransfers(List.of(Transfer.of(Id128.of(Long.MAX_VALUE), treasury.id(), hot.id(), 1,
                treasury.ledger(), 1)));
        run.engine().drainChanges();

        assertThatThrownBy(() -> run.run(STEPS)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("seed 7, step ");
    }

    @Test
    void theSameSeedGivesTheSameSteps() {
        LedgerWorkload first = new LedgerWorkload(42, CONFIG);
        LedgerWorkload second = new LedgerWorkload(42, CONFIG);

        assertThat(first.initialAccounts()).isEqualTo(second.initialAccounts());
        for (int i = 0; i < STEPS; i++) assertThat(first.next()).as("step %d", i).isEqualTo(second.next());
    }
}
