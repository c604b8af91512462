package org.corridor.gateway.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.corridor.core.EpochNanos;
import org.corridor.core.fx.Price;
import org.corridor.core.fx.Rate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link RateFile}: the CSV format, its limits, and errors that give the line but never quote it. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RateFileTest {
    private static final String AS_OF = "2026-11-02T10:00:00Z";
    /** Put on faulty lines: no error message may contain it. */
    private static final String CANARY = "ZZQ";

    private static List<Rate> read(String text) throws Exception {
        return RateFile.read(new StringReader(text), "daily-file");
    }

    @Test
    void readsRatesExactlySkippingCommentsAndBlankLines() throws Exception {
        List<Rate> rates = read("base,quote,rate,as_of\r\n"
                + "# morning fixing\n"
                + "USD,CNY,7.1234," + AS_OF + "\n"
                + "\n"
                + " USD , JPY , 151.25 , 2026-11-02T10:00:00.123456789Z \n"
                + "KWD,BHD,1.2265," + AS_OF);
        long asOf = EpochNanos.of(java.time.Instant.parse(AS_OF));
        assertThat(rates).containsExactly(
                new Rate("USD", "CNY", Price.parseDecimal("7.1234").orElseThrow(), asOf, "daily-file"),
                new Rate("USD", "JPY", new Price(605, 4), asOf + 123_456_789, "daily-file"),
                new Rate("KWD", "BHD", Price.parseDecimal("1.2265").orElseThrow(), asOf, "daily-file"));
    }

    @Test
    void aHeaderAloneIsNoRates() throws Exception {
        assertThat(read("base,quote,rate,as_of\n")).isEmpty();
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
        // file (\n for line breaks), line number, message
        "                                               | 0 | the rate file is empty: it starts with base,quote,rate,as_of",
        "base,quote,rate\\nUSD,CNY,7.1," + AS_OF + "    | 1 | line 1: the header is not base,quote,rate,as_of",
        "base,quote,rate,as_of\\nUSD,CNY,7.1          | 2 | line 2: expected 4 fields (base,quote,rate,as_of), found 3",
        "base,quote,rate,as_of\\nUSD,CNY,7.1,x,ZZQ    | 2 | line 2: expected 4 fields (base,quote,rate,as_of), found 5",
        "base,quote,rate,as_of\\nZZQ,CNY,7.1," + AS_OF + "  | 2 | line 2: base is not an upper-case ISO 4217 currency",
        "base,quote,rate,as_of\\nusd,CNY,7.1," + AS_OF + "  | 2 | line 2: base is not an upper-case ISO 4217 currency",
        "base,quote,rate,as_of\\nUSD,ZZQ,7.1," + AS_OF + "  | 2 | line 2: quote is not an upper-case ISO 4217 currency",
        "base,quote,rate,as_of\\nUSD,USD,1," + AS_OF + "    | 2 | line 2: base and quote are the same currency",
        "base,quote,rate,as_of\\nUSD,CNY,7.1ZZQ," + AS_OF + " | 2 | line 2: rate is not a positive plain decimal with at most 14 places and terms up to 100000000000000",
        "base,quote,rate,as_of\\nUSD,CNY,-7.1," + AS_OF + "   | 2 | line 2: rate is not a positive plain decimal with at most 14 places and terms up to 100000000000000",
        "base,quote,rate,as_of\\nUSD,CNY,7e2," + AS_OF + "    | 2 | line 2: rate is not a positive plain decimal with at most 14 places and terms up to 100000000000000",
        "base,quote,rate,as_of\\nUSD,CNY,0," + AS_OF + "      | 2 | line 2: rate is not a positive plain decimal with at most 14 places and terms up to 100000000000000",
        "base,quote,rate,as_of\\nUSD,CNY,7.1,2026-11-02ZZQ    | 2 | line 2: as_of is not an ISO-8601 instant between 1677 and 2262",
        "base,quote,rate,as_of\\nUSD,CNY,7.1,                 | 2 | line 2: as_of is not an ISO-8601 instant",
        "base,quote,rate,as_of\\nUSD,CNY,7.1,9999-01-01T00:00:00Z | 2 | line 2: as_of is not an ISO-8601 instant between 1677 and 2262",
        "base,quote,rate,as_of\\nUSD,CNY,7.1," + AS_OF + "\\n#\\nUSD,CNY,7.2," + AS_OF + " | 4 | line 4: the pair is already given on line 2",
    })
    void refusesTheFirstFaultyLineWithoutQuotingIt(String file, int lineNumber, String message) {
        String text = file == null ? "" : file.replace("\\n", "\n");
        assertThatThrownBy(() -> read(text)).isInstanceOfSatisfying(RateSourceException.class, e -> {
            assertThat(e.lineNumber()).isEqualTo(lineNumber);
            assertThat(e.getMessage()).isEqualTo(message).doesNotContain(CANARY);
        });
    }

    @Test
    void aLineLongerThanTheLimitIsRefusedBeforeItIsReadWhole() {
        String endless = "base,quote,rate,as_of\nUSD,CNY," + "7".repeat(10_000_000);
        assertThatThrownBy(() -> read(endless)).isInstanceOfSatisfying(RateSourceException.class, e -> {
            assertThat(e.lineNumber()).isEqualTo(2);
            assertThat(e.getMessage()).isEqualTo("line 2: longer than " + RateFile.LINE_CHARS_MAX + " characters");
        });
        String atTheLimit = "base,quote,rate,as_of\r\n#" + "x".repeat(RateFile.LINE_CHARS_MAX - 1) + "\r\n";
        assertThat(catchless(atTheLimit)).isEmpty();
    }

    @Test
    void aFileWithMoreLinesThanTheLimitIsRefused() {
        String text = "base,quote,rate,as_of\n" + "#\n".repeat(RateFile.LINES_MAX);
        assertThatThrownBy(() -> read(text)).isInstanceOfSatisfying(RateSourceException.class,
                e -> assertThat(e.getMessage()).isEqualTo("line " + (RateFile.LINES_MAX + 1) + ": more than "
                        + RateFile.LINES_MAX + " lines"));
        assertThat(catchless("base,quote,rate,as_of\n" + "#\n".repeat(RateFile.LINES_MAX - 1))).isEmpty();
    }

    @Test
    void fetchReadsTheFileEveryTime(@TempDir Path directory) throws Exception {
        Path path = directory.resolve("rates.csv");
        RateFile file = new RateFile(path, "daily-file");
        Files.writeString(path, "base,quote,rate,as_of\nUSD,CNY,7.1," + AS_OF + "\n");
        assertThat(file.fetch()).extracting(Rate::price).containsExactly(new Price(71, 10));
        Files.writeString(path, "base,quote,rate,as_of\nUSD,CNY,7.2," + AS_OF + "\n");
        assertThat(file.fetch()).extracting(Rate::price).containsExactly(new Price(36, 5));
    }

    @Test
    void aMissingOrNonUtf8FileIsRefusedWithoutItsPath(@TempDir Path directory) throws IOException {
        Path missing = directory.resolve("secret-name.csv");
        assertThatThrownBy(() -> new RateFile(missing, "daily-file").fetch())
                .isInstanceOfSatisfying(RateSourceException.class,
                        e -> assertThat(e.getMessage()).doesNotContain("secret-name").startsWith("the rate file cannot"));
        Path latin1 = directory.resolve("latin1.csv");
        Files.write(latin1, new byte[] {'#', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> new RateFile(latin1, "daily-file").fetch())
                .isInstanceOfSatisfying(RateSourceException.class,
                        e -> assertThat(e.getMessage()).isEqualTo("the rate file is not UTF-8"));
    }

    @Test
    void aSourceNameIsChecked() {
        assertThatThrownBy(() -> new RateFile(Path.of("rates.csv"), "bad name"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Rate> catchless(String text) {
        try {
            return read(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
