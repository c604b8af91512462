package org.corridor.app.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.corridor.app.Main;
import org.corridor.sim.issuer.Fault;
import org.corridor.sim.issuer.FaultRule;
import org.corridor.sim.issuer.SimulatedBank;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * {@code corridor issuer-sim}'s start-up options: what they parse to, that they are in force once the
 * simulator runs (seen through the control interface too), and a usage error (exit 2) for each bad value.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class IssuerSimCommandTest {
    @Test
    void theStartUpOptionsParse() {
        IssuerSimCommand command = parse("--fault", "no_reply", "--fault", "garbage_frame:250@bank-007",
                "--fault", "SLOW_REPLY:1", "--down", "bank-003", "--down", "bank-004", "--decline-per-mille", "1000",
                "--control-port", "0");
        assertThat(command.faults).containsExactly(
                new FaultOption(Fault.NO_REPLY, 1000, null),
                new FaultOption(Fault.GARBAGE_FRAME, 250, "bank-007"),
                new FaultOption(Fault.SLOW_REPLY, 1, null));
        assertThat(command.down).containsExactly("bank-003", "bank-004");
        assertThat(command.declinePerMille).isEqualTo(1000);
        assertThat(command.controlPort).isZero();
        assertThat(command.invalidOption()).isEmpty();
    }

    @Test
    void theControlInterfaceIsOffUnlessAskedFor() throws Exception {
        IssuerSimCommand command = parse("--port", "0");
        assertThat(command.controlPort).isNull();
        try (IssuerSimCommand.Running running = command.start()) {
            assertThat(running.control()).isNull();
            assertThat(running.simulator().faults().rules()).isEmpty();
        }
    }

    @Test
    void theStartUpOptionsAreInForceOnceRunning() throws Exception {
        IssuerSimCommand command = parse("--port", "0", "--control-port", "0", "--seed", "9",
                "--fault", "duplicate_reply:40@bank-002", "--fault", "no_reply:5",
                "--down", "bank-010", "--decline-per-mille", "30");
        try (IssuerSimCommand.Running running = command.start()) {
            assertThat(running.simulator().faults().rules()).containsExactly(
                    FaultRule.ratio(Fault.DUPLICATE_REPLY, "bank-002", 40), FaultRule.ratio(Fault.NO_REPLY, null, 5));
            assertThat(running.simulator().banks().isDown("bank-010")).isTrue();
            assertThat(running.simulator().banks().isDown("bank-011")).isFalse();
            assertThat(running.simulator().banks().all()).extracting(SimulatedBank::declinePerMille).containsOnly(30);

            URI directory = URI.create("http://127.0.0.1:" + running.control().address().getPort() + "/banks");
            try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
                HttpResponse<String> answer = http.send(
                        HttpRequest.newBuilder(directory).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(answer.body()).startsWith("{\"seed\":9,").contains("\"id\":\"bank-010\"")
                        .contains("\"decline_per_mille\":30,\"down\":true}");
            }
        }
    }

    /** Each bad value, with a part of the message it gets; none of these starts anything. */
    static Stream<Arguments> usageErrors() {
        return Stream.of(
                Arguments.of(new String[] {"--fault", "explode"}, "no_reply, slow_reply, duplicate_reply, garbage_frame"),
                Arguments.of(new String[] {"--fault", "no_reply:0"}, "from 1 to 1000"),
                Arguments.of(new String[] {"--fault", "no_reply:1001"}, "from 1 to 1000"),
                Arguments.of(new String[] {"--fault", "no_reply:"}, "from 1 to 1000"),
                Arguments.of(new String[] {"--fault", "no_reply:-5"}, "from 1 to 1000"),
                Arguments.of(new String[] {"--fault", "no_reply:99999999999"}, "from 1 to 1000"),
                Arguments.of(new String[] {"--fault", "no_reply@"}, "a bank id after @"),
                Arguments.of(new String[] {"--fault", "no_reply@bank-999"}, "--fault: no bank bank-999"),
                Arguments.of(new String[] {"--fault", "slow_reply:10@bank-251"}, "bank-001 to bank-250"),
                Arguments.of(new String[] {"--down", "bank-999"}, "--down: no bank bank-999"),
                Arguments.of(new String[] {"--banks", "5", "--down", "bank-006"}, "bank-001 to bank-005"),
                Arguments.of(new String[] {"--decline-per-mille", "1001"}, "--decline-per-mille must be 0 to 1000"),
                Arguments.of(new String[] {"--decline-per-mille", "-1"}, "--decline-per-mille must be 0 to 1000"),
                Arguments.of(new String[] {"--decline-per-mille", "lots"}, "--decline-per-mille"),
                Arguments.of(new String[] {"--control-port", "70000"}, "--control-port must be 0 to 65535"),
                Arguments.of(new String[] {"--control-port", "-1"}, "--control-port must be 0 to 65535"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("usageErrors")
    void aBadValueIsAUsageError(String[] options, String messagePart) {
        String[] arguments = new String[options.length + 3];
        arguments[0] = "issuer-sim";
        arguments[1] = "--port";
        arguments[2] = "0";
        System.arraycopy(options, 0, arguments, 3, options.length);
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        int exitCode;
        try (PrintStream err = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setErr(err);
            exitCode = new CommandLine(new Main()).execute(arguments);
        } finally {
            System.setErr(original);
        }
        assertThat(exitCode).isEqualTo(2);
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains(messagePart);
    }

    private static IssuerSimCommand parse(String... arguments) {
        IssuerSimCommand command = new IssuerSimCommand();
        new CommandLine(command).parseArgs(arguments);
        return command;
    }
}
