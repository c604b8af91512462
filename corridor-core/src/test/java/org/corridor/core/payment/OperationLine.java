package org.corridor.core.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.corridor.core.state.Outcome;
import org.corridor.core.state.SwitchFixture;

/**
 * One line of a command's result table: a fresh switch, a setup that prepares the intent the command is
 * about (null when the command names none), and the command, run in a batch of its own.
 *
 * @param <R> the command's result enum
 * @param <V> what the command answers with
 */
record OperationLine<R extends Enum<R>, V>(R expected, String scenario, Function<SwitchFixture, PaymentIntent> setup,
        BiFunction<SwitchFixture, PaymentIntent, Outcome<R, V>> command) {

    /** The line after it ran. */
    record Played<R extends Enum<R>, V>(SwitchFixture fixture, PaymentIntent before,
            SwitchFixture.Step<Outcome<R, V>> step) {
        Outcome<R, V> outcome() {
            return step.value();
        }

        /** A refusal: no ledger change, no object written, no balance moved, the intent as it was. */
        void assertNothingChanged() {
            assertThat(step.changes().isEmpty()).as("a refusal changes nothing: %s", step.changes()).isTrue();
            assertThat(fixture.accounts()).isEqualTo(step.accountsBefore());
            if (before != null) assertThat(fixture.intent(before.id())).isEqualTo(before);
        }

        /** How much an account's posted balance moved in the step. */
        long postedDelta(org.corridor.core.Id128 account) {
            return fixture.posted(account) - step.accountsBefore().get(account).creditBalancePosted();
        }
    }

    static <R extends Enum<R>, V> OperationLine<R, V> line(R expected, String scenario,
            Function<SwitchFixture, PaymentIntent> setup, BiFunction<SwitchFixture, PaymentIntent, Outcome<R, V>> command) {
        return new OperationLine<>(expected, scenario, setup, command);
    }

    Played<R, V> play() {
        SwitchFixture fixture = new SwitchFixture();
        PaymentIntent intent = setup.apply(fixture);
        PaymentIntent before = intent == null ? null : fixture.intent(intent.id());
        SwitchFixture.Step<Outcome<R, V>> step = fixture.step(() -> command.apply(fixture, intent));
        assertThat(step.value().result()).isEqualTo(expected);
        assertThat(fixture.auditViolations()).isEmpty();
        return new Played<>(fixture, before, step);
    }

    /** The table's distinct results, in its order, are the enum's constants in declaration order. */
    static <R extends Enum<R>> void assertWalksEveryResultInOrder(List<? extends OperationLine<R, ?>> table,
            Class<R> results) {
        assertThat(table.stream().map(OperationLine::expected).distinct().toList())
                .containsExactlyElementsOf(Arrays.asList(results.getEnumConstants()));
    }

    @Override
    public String toString() {
        return expected + ": " + scenario;
    }
}
