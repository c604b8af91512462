package org.corridor.store.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The rule that decides whether a PostgreSQL test runs, skips or fails, as a table. */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class TestStoresTest {

    @ParameterizedTest(name = "url=''{0}'' required=''{1}'' -> {2}")
    @CsvSource(nullValues = "null", value = {
        "null,                     null,  SKIP",
        "'',                       false, SKIP",
        "'   ',                    FALSE, SKIP",
        "null,                     nope,  SKIP",
        "null,                     true,  FAIL",
        "'',                       ' true ', FAIL",
        "jdbc:postgresql://h/db,   null,  RUN",
        "' jdbc:postgresql://h/db ', true, RUN",
    })
    void postgresqlRule(String url, String required, String outcome) {
        switch (outcome) {
            case "SKIP" -> assertThatThrownBy(() -> TestStores.postgresqlServerUrl(url, required))
                    .isInstanceOf(TestAbortedException.class)
                    .hasMessageContaining(TestStores.SKIP_MESSAGE);
            case "FAIL" -> assertThatThrownBy(() -> TestStores.postgresqlServerUrl(url, required))
                    .isInstanceOf(AssertionFailedError.class)
                    .hasMessageContaining("-Dcorridor.test.postgres.required=true")
                    .hasMessageContaining("-Dcorridor.test.postgres.url");
            case "RUN" -> assertThat(TestStores.postgresqlServerUrl(url, required)).isEqualTo("jdbc:postgresql://h/db");
            default -> throw new IllegalArgumentException(outcome);
        }
    }

    @Test
    void aServerThatDoesNotAnswerFailsEvenWhenNotRequired() {
        assertThatThrownBy(() -> TestStores.postgresql("jdbc:postgresql://127.0.0.1:1/ledger?password=hunter2", "false"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("does not answer")
                .hasMessageNotContaining("hunter2");
    }

    @ParameterizedTest
    @CsvSource({
        "jdbc:postgresql://h/db,                                 jdbc:postgresql://h/db?currentSchema=s1",
        "jdbc:postgresql://h/db?user=u,                          jdbc:postgresql://h/db?user=u&currentSchema=s1",
        "jdbc:postgresql://h/db?currentSchema=old&user=u,        jdbc:postgresql://h/db?user=u&currentSchema=s1",
        "jdbc:postgresql://h/db?user=u&currentSchema=old,        jdbc:postgresql://h/db?user=u&currentSchema=s1",
    })
    void schemaReplacesAnyCurrentSchema(String serverUrl, String expected) {
        assertThat(TestStores.withSchema(serverUrl, "s1")).isEqualTo(expected);
    }
}
