package org.corridor.codec.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile strings into the parser, seeded so that a failure replays exactly. Every input must give a payload
 * or a {@link QrPayloadException}; any other exception, a hang or an out-of-memory error fails the test. An
 * accepted input must also write back to itself, which is what makes keeping unknown IDs safe.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MerchantPayloadFuzzTest {
    private static final long SEED = 0x6304_1FF2L;
    private static final int CASES = 50_000;

    private static final List<String> SEEDS = List.of(PublishedVectors.KUNTHEAS_SHOP,
            PublishedVectors.EMVCO_BEST_TRANSPORT, PublishedVectors.PIX_FULANO_DE_TAL, Payloads.withCrc(Payloads.BODY),
            Payloads.withCrc(Payloads.BODY + Payloads.tlv("55", "03") + Payloads.tlv("57", "12.5")
                    + Payloads.tlv("64", Payloads.tlv("00", "ZH") + Payloads.tlv("01", "蓝门咖啡"))));

    private final Set<QrError> seen = EnumSet.noneOf(QrError.class);
    private int parsed;

    @Test
    void mutatedPayloadsGiveAPayloadOrACleanRefusal() {
        Random random = new Random(SEED);
        for (int i = 0; i < CASES; i++) {
            StringBuilder input = new StringBuilder(SEEDS.get(random.nextInt(SEEDS.size())));
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations && !input.isEmpty(); m++) mutate(input, random);
            String text = input.toString();
            // Half the time, repair the checksum so that the mutation reaches the checks behind it.
            if (random.nextBoolean() && text.length() >= 8) text = recrc(text);
            parseOrRefuse(text, "mutation #" + i);
        }
        // The harness must see both outcomes and most of the refusal codes, or it tests nothing.
        assertThat(parsed).isPositive().isLessThan(CASES);
        assertThat(seen).contains(QrError.CRC_MISMATCH, QrError.CRC_MISSING, QrError.LENGTH_OVERRUN,
                QrError.LENGTH_INVALID, QrError.ID_INVALID, QrError.TEMPLATE_MALFORMED, QrError.DUPLICATE_ID,
                QrError.FIELD_INVALID, QrError.FIELD_MISSING, QrError.CHARACTER_INVALID);
    }

    @Test
    void tamperedLengthsGiveAPayloadOrACleanRefusal() throws QrPayloadException {
        Random random = new Random(SEED + 1);
        for (int i = 0; i < CASES / 5; i++) {
            String seed = SEEDS.get(random.nextInt(SEEDS.size()));
            int[] codePoints = seed.codePoints().toArray();
            List<TlvReader.Located> objects = TlvReader.read(codePoints, 0, codePoints.length, null);
            TlvReader.Located target = objects.get(random.nextInt(objects.size()));
            int lengthAt = target.position() + 2;
            String length = String.format(Locale.ROOT, "%02d", random.nextInt(100));
            StringBuilder tampered = new StringBuilder();
            for (int c = 0; c < codePoints.length; c++) {
                if (c == lengthAt || c == lengthAt + 1) tampered.append(length.charAt(c - lengthAt));
                else tampered.appendCodePoint(codePoints[c]);
            }
            parseOrRefuse(recrc(tampered.toString()), "length #" + i);
        }
    }

    @Test
    void randomTextGivesACleanRefusal() {
        Random random = new Random(SEED + 2);
        for (int i = 0; i < CASES / 5; i++) {
            int length = random.nextInt(MerchantPayloadParser.PAYLOAD_CHARS_MAX + 64);
            StringBuilder input = new StringBuilder(length);
            for (int c = 0; c < length; c++) input.appendCodePoint(randomCodePoint(random));
            String text = input.toString();
            parseOrRefuse(random.nextBoolean() ? text : Payloads.withCrc(text), "random #" + i);
        }
    }

    @Test
    void everyTruncationIsRefused() {
        for (String seed : SEEDS) {
            int[] codePoints = seed.codePoints().toArray();
            for (int length = 0; length < codePoints.length; length++) {
                String truncated = new String(codePoints, 0, length);
                try {
                    MerchantPayloadParser.parse(truncated);
                    fail("truncated to " + length + " of " + codePoints.length + " characters parsed");
                } catch (QrPayloadException expected) {
                    assertThat(expected.error()).isIn(QrError.CRC_MISSING, QrError.CRC_MISMATCH);
                }
            }
        }
    }

    private void parseOrRefuse(String input, String label) {
        try {
            MerchantPayload payload = MerchantPayloadParser.parse(input);
            parsed++;
            String expected = input.substring(0, input.length() - 4) + input.substring(input.length() - 4).toUpperCase(Locale.ROOT);
            assertThat(payload.encode()).as(label).isEqualTo(expected);
        } catch (QrPayloadException refused) {
            seen.add(refused.error());
            assertThat(refused.position()).as(label)
                    .isBetween(0, Math.max(input.codePointCount(0, input.length()), MerchantPayloadParser.PAYLOAD_CHARS_MAX));
        } catch (RuntimeException | Error unexpected) {
            throw new AssertionError(label + " threw instead of refusing: " + escape(input), unexpected);
        }
    }

    private static void mutate(StringBuilder input, Random random) {
        int at = random.nextInt(input.length());
        switch (random.nextInt(7)) {
            case 0 -> input.setCharAt(at, (char) ('0' + random.nextInt(10)));
            case 1 -> input.setCharAt(at, (char) (input.charAt(at) ^ (1 << random.nextInt(7))));
            case 2 -> input.deleteCharAt(at);
            case 3 -> input.insert(at, (char) (' ' + random.nextInt(95)));
            case 4 -> input.setLength(at);
            case 5 -> input.insert(at, Payloads.tlv(String.format(Locale.ROOT, "%02d", random.nextInt(100)), "x"));
            default -> input.setCharAt(at, (char) random.nextInt(0x10000));
        }
    }

    /** {@code text} with its last four characters replaced by the checksum of the rest. */
    private static String recrc(String text) {
        int cut = text.offsetByCodePoints(text.length(), -Math.min(4, text.codePointCount(0, text.length())));
        String head = text.substring(0, cut);
        return head + Crc16CcittFalse.hex(head);
    }

    private static int randomCodePoint(Random random) {
        return switch (random.nextInt(5)) {
            case 0, 1 -> '0' + random.nextInt(10);
            case 2 -> 0x20 + random.nextInt(95);
            case 3 -> random.nextInt(0x800);
            default -> random.nextInt(Character.MAX_CODE_POINT + 1);
        };
    }

    private static String escape(String input) {
        StringBuilder out = new StringBuilder();
        input.codePoints().limit(600).forEach(c -> {
            if (c >= 0x20 && c < 0x7F) out.append((char) c);
            else out.append(String.format(Locale.ROOT, "\\u{%X}", c));
        });
        return out.toString();
    }
}
