package org.corridor.gateway.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link StrictJson}: what it accepts, what it refuses, and a seeded fuzz that it only ever refuses cleanly. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StrictJsonTest {
    private static final String FEED = "{\"rates\": [{\"base\": \"USD\", \"quote\": \"CNY\", \"rate\": 7.1234, "
            + "\"as_of\": \"2026-11-02T10:00:00Z\"}, {\"a\": [true, false, null, -0.5e+3, \"\\u00e9\\n\"]}]}";

    private static Object parse(String text) throws StrictJson.JsonException {
        return StrictJson.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsADocumentKeepingNumbersAsText() throws Exception {
        Map<?, ?> top = (Map<?, ?>) parse(FEED);
        List<?> rates = (List<?>) top.get("rates");
        Map<?, ?> first = (Map<?, ?>) rates.get(0);
        assertThat(first.get("rate")).isEqualTo(new StrictJson.JsonNumber("7.1234"));
        assertThat(List.copyOf(first.keySet())).isEqualTo(List.of("base", "quote", "rate", "as_of"));
        List<?> values = (List<?>) ((Map<?, ?>) rates.get(1)).get("a");
        assertThat(values).isEqualTo(List.of(true, false, StrictJson.NULL, new StrictJson.JsonNumber("-0.5e+3"), "é\n"));
        assertThat(parse(" 0 ")).isEqualTo(new StrictJson.JsonNumber("0"));
        assertThat(parse("{}")).isEqualTo(Map.of());
        assertThat(parse("[]")).isEqualTo(List.of());
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"", " ", "{", "}", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "{\"a\":1}x", "[1] [2]",
        "01", "1.", ".5", "-", "1e", "+1", "NaN", "tru", "nul", "'a'", "\"a", "\"\\x\"", "\"\\u12\"", "\"a\tb\"",
        "{\"a\":1,\"a\":2}", "// c\n1", "[1 2]", "{\"a\":1 \"b\":2}", "\u00a01"})
    void refusesWhatIsNotStrictJson(String text) {
        assertThatThrownBy(() -> parse(text)).isInstanceOf(StrictJson.JsonException.class)
                .hasMessageStartingWith("invalid JSON at character ");
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        assertThatThrownBy(() -> StrictJson.parse(new byte[] {'"', (byte) 0xC3, '"'}))
                .isInstanceOf(StrictJson.JsonException.class).hasMessageContaining("not UTF-8");
    }

    @Test
    void boundsNestingAndStrings() throws Exception {
        String deepest = "[".repeat(StrictJson.DEPTH_MAX) + "]".repeat(StrictJson.DEPTH_MAX);
        assertThat(parse(deepest)).isInstanceOf(List.class);
        String tooDeep = "[".repeat(StrictJson.DEPTH_MAX + 1) + "]".repeat(StrictJson.DEPTH_MAX + 1);
        assertThatThrownBy(() -> parse(tooDeep)).hasMessageContaining("nested deeper than");
        String hostile = "[".repeat(1_000_000);
        assertThatThrownBy(() -> parse(hostile)).isInstanceOf(StrictJson.JsonException.class);
        assertThat(parse("\"" + "a".repeat(StrictJson.STRING_CHARS_MAX) + "\"")).isInstanceOf(String.class);
        assertThatThrownBy(() -> parse("\"" + "a".repeat(StrictJson.STRING_CHARS_MAX + 1) + "\""))
                .hasMessageContaining("a string longer than");
    }

    @Test
    void mutatedDocumentsAreReadOrRefusedNeverCrash() {
        SplittableRandom random = new SplittableRandom(80_001L);
        byte[] original = FEED.getBytes(StandardCharsets.UTF_8);
        byte[] alphabet = "{}[]\",:.-+eE0123456789tfnul \\\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        for (int run = 0; run < 20_000; run++) {
            byte[] mutated = original.clone();
            int edits = random.nextInt(1, 4);
            for (int e = 0; e < edits; e++) {
                mutated[random.nextInt(mutated.length)] = random.nextBoolean()
                        ? alphabet[random.nextInt(alphabet.length)] : (byte) random.nextInt(256);
            }
            int length = random.nextInt(10) == 0 ? random.nextInt(mutated.length + 1) : mutated.length;
            byte[] document = java.util.Arrays.copyOf(mutated, length);
            try {
                StrictJson.parse(document);
            } catch (StrictJson.JsonException refused) {
                assertThat(refused.getMessage()).startsWith("invalid JSON at character ");
            }
        }
    }
}
