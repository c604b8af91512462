package org.corridor.gateway.fx;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.corridor.core.fx.Rate;
import org.corridor.gateway.text.BoundedLines;

/**
 * Rates from a UTF-8 CSV file: the header {@code base,quote,rate,as_of}, then one rate per line, such as
 * {@code USD,CNY,7.1234,2026-11-02T10:00:00Z}. Codes are upper-case ISO 4217, the rate a plain decimal (no
 * sign, exponent or grouping), the as-of time an ISO-8601 instant. Blank lines and lines starting with
 * {@code #} are skipped; fields may not be quoted, and spaces around them are ignored. A pair appears once.
 *
 * <p>The whole file is refused at the first faulty line, whose number the error gives without quoting it.
 */
public final class RateFile implements RateSource {
    /** The most lines a file has, the header, comments and blank lines included. */
    public static final int LINES_MAX = 10_000;
    /** The most characters a line has, its line break excluded. */
    public static final int LINE_CHARS_MAX = 128;
    /** The first line. */
    public static final String HEADER = "base,quote,rate,as_of";

    private static final int FIELDS = 4;

    private final Path path;
    private final String sourceName;

    /**
     * A source that reads {@code path} at every fetch.
     *
     * @param sourceName the name the rates carry, see {@link Rate#source()}
     */
    public RateFile(Path path, String sourceName) {
        this.path = Objects.requireNonNull(path, "path");
        if (!Rate.isSourceName(sourceName)) throw new IllegalArgumentException("not a valid source name");
        this.sourceName = sourceName;
    }

    @Override
    public List<Rate> fetch() throws RateSourceException {
        try (Reader reader = new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8
                .newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
            return read(reader, sourceName);
        } catch (CharacterCodingException notUtf8) {
            throw new RateSourceException("the rate file is not UTF-8");
        } catch (IOException unreadable) {
            // The exception's message names the path, which is the operator's business, not the log's.
            throw new RateSourceException("the rate file cannot be read: " + unreadable.getClass().getSimpleName());
        }
    }

    /**
     * Reads rates in this format from {@code reader}, which the caller opens and closes.
     *
     * @param sourceName the name the rates carry
     */
    public static List<Rate> read(Reader reader, String sourceName) throws IOException, RateSourceException {
        BoundedLines lines = new BoundedLines(reader, LINE_CHARS_MAX);
        List<Rate> rates = new ArrayList<>();
        Map<String, Integer> lineByPair = new HashMap<>();
        for (int number = 1; ; number++) {
            String line = line(lines, number);
            if (line == null) {
                if (number == 1) throw new RateSourceException("the rate file is empty: it starts with " + HEADER);
                return rates;
            }
            if (number > LINES_MAX) throw new RateSourceException(number, "more than " + LINES_MAX + " lines");
            String text = line.strip();
            if (number == 1) {
                if (!text.equals(HEADER)) throw new RateSourceException(number, "the header is not " + HEADER);
                continue;
            }
            if (text.isEmpty() || text.startsWith("#")) continue;
            Rate rate = parse(number, text, sourceName);
            Integer earlier = lineByPair.putIfAbsent(RateFields.pair(rate), number);
            if (earlier != null) throw new RateSourceException(number, "the pair is already given on line " + earlier);
            rates.add(rate);
        }
    }

    private static Rate parse(int number, String text, String sourceName) throws RateSourceException {
        String[] fields = text.split(",", -1);
        if (fields.length != FIELDS) {
            throw new RateSourceException(number, "expected " + FIELDS + " fields (" + HEADER + "), found "
                    + fields.length);
        }
        try {
            return RateFields.parse(fields[0].strip(), fields[1].strip(), fields[2].strip(), fields[3].strip(),
                    sourceName);
        } catch (RateSourceException problem) {
            throw new RateSourceException(number, problem.getMessage());
        }
    }

    private static String line(BoundedLines lines, int number) throws IOException, RateSourceException {
        try {
            return lines.next();
        } catch (BoundedLines.LineTooLong tooLong) {
            throw new RateSourceException(number, tooLong.getMessage());
        }
    }
}
