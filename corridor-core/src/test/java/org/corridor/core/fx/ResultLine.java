package org.corridor.core.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * One line of a result table: the result expected, what the line is about, and the call that should
 * answer it.
 *
 * @param <R> the result enum
 * @param <A> what the call answers
 */
record ResultLine<R extends Enum<R>, A>(R expected, String scenario, java.util.function.Supplier<A> call,
        Function<A, R> result) {

    @Override
    public String toString() {
        return expected + ": " + scenario;
    }

    /** Runs the call, checks its result and hands back the whole answer for further checks. */
    A play() {
        A answer = call.get();
        assertThat(result.apply(answer)).as(scenario).isEqualTo(expected);
        return answer;
    }

    /** A table walks every result of its enum, in declaration order: first check to last. */
    static <R extends Enum<R>> void assertWalksEveryResultInOrder(List<? extends ResultLine<R, ?>> table,
            Class<R> results) {
        assertThat(table.stream().map(ResultLine::expected).distinct().toList())
                .containsExactlyElementsOf(Arrays.asList(results.getEnumConstants()));
        for (int i = 1; i < table.size(); i++) {
            assertThat(table.get(i).expected().ordinal()).as("line %d is in precedence order", i + 1)
                    .isGreaterThanOrEqualTo(table.get(i - 1).expected().ordinal());
        }
    }
}
