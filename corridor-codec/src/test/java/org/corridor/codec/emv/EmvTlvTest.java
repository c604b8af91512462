package org.corridor.codec.emv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EmvTlvTest {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private static EmvData everyTag() {
        return EmvData.builder()
                .put(EmvTag.APPLICATION_CRYPTOGRAM, HEX.parseHex("A1B2C3D4E5F60718"))
                .applicationTransactionCounter(0x00A5)
                .put(EmvTag.UNPREDICTABLE_NUMBER, HEX.parseHex("12345678"))
                .amountAuthorisedMinor(12_345)
                .transactionCurrencyCode(840)
                .put(EmvTag.TRANSACTION_DATE, HEX.parseHex("261128"))
                .put(EmvTag.TRANSACTION_TYPE, HEX.parseHex("00"))
                .put(EmvTag.APPLICATION_INTERCHANGE_PROFILE, HEX.parseHex("5C00"))
                .put(EmvTag.ISSUER_APPLICATION_DATA, HEX.parseHex("0601120300A000"))
                .build();
    }

    @Test
    void buildsTheExactBerTlvBytes() {
        assertThat(HEX.formatHex(EmvTlv.build(everyTag()))).isEqualTo(
                "9F2608A1B2C3D4E5F60718" + "9F360200A5" + "9F370412345678" + "9F0206000000012345"
                        + "5F2A020840" + "9A03261128" + "9C0100" + "82025C00" + "9F10070601120300A000");
    }

    @Test
    void everyTagRoundTrips() throws TlvFormatException {
        EmvData data = everyTag();
        EmvData parsed = EmvTlv.parse(EmvTlv.build(data));
        assertThat(parsed).isEqualTo(data);
        assertThat(parsed.tags()).containsExactly(EmvTag.values());
        assertThat(parsed.applicationTransactionCounter()).contains(0xA5);
        assertThat(parsed.amountAuthorisedMinor()).contains(12_345L);
        assertThat(parsed.transactionCurrencyCode()).contains(840);
    }

    @ParameterizedTest(name = "{0} minor units as {1}")
    @CsvSource({"0, 000000000000", "1, 000000000001", "123456, 000000123456", "999999999999, 999999999999"})
    void amountIsTwelveBcdDigitsInMinorUnits(long amountMinor, String bcd) throws TlvFormatException {
        byte[] bytes = EmvTlv.build(EmvData.builder().amountAuthorisedMinor(amountMinor).build());
        assertThat(HEX.formatHex(bytes)).isEqualTo("9F0206" + bcd);
        assertThat(EmvTlv.parse(bytes).amountAuthorisedMinor()).contains(amountMinor);
    }

    @Test
    void skipsTagsItDoesNotKnowAndKeepsTheRest() throws TlvFormatException {
        // 9F27 cryptogram information data and 95 terminal verification results, which Corridor passes over.
        EmvData parsed = EmvTlv.parse(HEX.parseHex("9F2701809F360200079505000000000082021980"));
        assertThat(parsed.tags()).containsExactly(EmvTag.APPLICATION_TRANSACTION_COUNTER,
                EmvTag.APPLICATION_INTERCHANGE_PROFILE);
        assertThat(parsed.applicationTransactionCounter()).contains(7);
    }

    @Test
    void rejectsWrongLengthsDuplicatesNonBcdAndOversizedInput() {
        assertThatThrownBy(() -> EmvTlv.parse(HEX.parseHex("9F260701020304050607")))
                .isInstanceOf(TlvFormatException.class).hasMessageContaining("9F26");
        assertThatThrownBy(() -> EmvTlv.parse(HEX.parseHex("9F360200019F36020002")))
                .isInstanceOf(TlvFormatException.class).hasMessageContaining("more than once");
        assertThatThrownBy(() -> EmvTlv.parse(HEX.parseHex("9F02060000000001A0")))
                .isInstanceOf(TlvFormatException.class).hasMessageContaining("BCD");
        assertThatThrownBy(() -> EmvTlv.parse(new byte[EmvTlv.DE55_BYTES_MAX + 1]))
                .isInstanceOf(TlvFormatException.class);
        assertThatThrownBy(() -> EmvTlv.parse(new byte[0])).isInstanceOf(TlvFormatException.class);
        assertThatThrownBy(() -> EmvTlv.parse(null)).isInstanceOf(TlvFormatException.class);
    }

    @Test
    void builderRejectsWrongLengthsAndRanges() {
        assertThatThrownBy(() -> EmvData.builder().put(EmvTag.APPLICATION_CRYPTOGRAM, new byte[7]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmvData.builder().put(EmvTag.ISSUER_APPLICATION_DATA, new byte[33]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmvData.builder().amountAuthorisedMinor(1_000_000_000_000L))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmvData.builder().applicationTransactionCounter(0x10000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmvData.builder().put(EmvTag.TRANSACTION_DATE, HEX.parseHex("2611AA")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BCD");
        assertThatThrownBy(() -> EmvTlv.build(EmvData.builder().build())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringNamesTagsButNoValues() {
        assertThat(everyTag().toString()).contains("APPLICATION_CRYPTOGRAM").doesNotContain("A1B2C3");
    }

    @Test
    void hostileBytesGiveAFormatErrorOrData() {
        Random random = new Random(0xE3F55L);
        byte[] seed = EmvTlv.build(everyTag());
        for (int i = 0; i < 20_000; i++) {
            byte[] input;
            switch (i % 3) {
                case 0 -> {
                    input = new byte[1 + random.nextInt(EmvTlv.DE55_BYTES_MAX + 8)];
                    random.nextBytes(input);
                }
                case 1 -> {
                    input = seed.clone();
                    for (int m = 1 + random.nextInt(3); m > 0; m--) input[random.nextInt(input.length)] = (byte) random.nextInt(256);
                }
                default -> input = Arrays.copyOf(seed, 1 + random.nextInt(seed.length - 1));
            }
            parseOrFormatError(input, "case #" + i);
        }
    }

    @Test
    void truncationInsideADataObjectIsAFormatErrorAndAtABoundaryKeepsThePrefix() throws TlvFormatException {
        byte[] seed = EmvTlv.build(everyTag());
        Set<Integer> boundaries = new HashSet<>();
        int offset = 0;
        for (EmvTag tag : EmvTag.values()) {
            offset += EmvTlv.build(EmvData.builder().put(tag, everyTag().value(tag).orElseThrow()).build()).length;
            boundaries.add(offset);
        }
        for (int length = 1; length < seed.length; length++) {
            byte[] truncated = Arrays.copyOf(seed, length);
            if (boundaries.contains(length)) {
                assertThat(EmvTlv.build(EmvTlv.parse(truncated))).isEqualTo(truncated);
            } else {
                int at = length;
                assertThatThrownBy(() -> EmvTlv.parse(truncated)).as("truncated to %d", at)
                        .isInstanceOf(TlvFormatException.class);
            }
        }
    }

    private static void parseOrFormatError(byte[] input, String label) {
        try {
            EmvData data = EmvTlv.parse(input);
            assertThat(data.tags()).as(label).isNotNull();
        } catch (TlvFormatException expected) {
            assertThat(expected.getMessage()).as(label).isNotBlank();
        } catch (RuntimeException surprise) {
            throw new AssertionError(label + " threw " + surprise + " on " + HEX.formatHex(input), surprise);
        }
    }
}
