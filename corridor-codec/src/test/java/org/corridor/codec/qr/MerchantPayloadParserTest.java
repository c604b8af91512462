package org.corridor.codec.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.corridor.codec.qr.Payloads.BODY;
import static org.corridor.codec.qr.Payloads.replacing;
import static org.corridor.codec.qr.Payloads.tlv;
import static org.corridor.codec.qr.Payloads.withCrc;

import java.util.Currency;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every refusal of the parser, one line per case, in the order the checks run. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MerchantPayloadParserTest {
    private static final String VALID = withCrc(BODY);

    static Stream<Arguments> malformed() {
        String account = tlv("26", tlv("00", "com.corridor") + tlv("01", "acct_7Hq2"));
        return Stream.of(
                row("513 characters", "0".repeat(513), QrError.TOO_LONG),
                row("a megabyte", "0".repeat(1 << 20), QrError.TOO_LONG),
                row("a tab in the name", VALID.replace("Blue Door", "Blue\tDoor"), QrError.CHARACTER_INVALID),
                row("a lone surrogate", VALID.replace("Cafe", "Caf\uD800"), QrError.CHARACTER_INVALID),
                row("empty", "", QrError.CRC_MISSING),
                row("no checksum object", BODY, QrError.CRC_MISSING),
                row("checksum not hexadecimal", BODY + "6304XYZ1", QrError.CRC_MISSING),
                row("checksum off by one digit", BODY + "6304" + flipLast(VALID), QrError.CRC_MISMATCH),
                row("a name changed after the checksum", VALID.replace("Blue", "Blew"), QrError.CRC_MISMATCH),
                row("a letter for an ID", withCrc(BODY.replace("5204", "5A04")), QrError.ID_INVALID),
                row("a letter for a length", withCrc(BODY.replace("5204", "520X")), QrError.LENGTH_INVALID),
                row("a length of 00", withCrc(BODY + "6500"), QrError.LENGTH_INVALID),
                row("a length past the end", withCrc(BODY + "6599ab"), QrError.LENGTH_OVERRUN),
                row("a cut-off header", withCrc(BODY + "65"), QrError.LENGTH_OVERRUN),
                row("no payload format", withCrc(replacing("00", "")), QrError.PAYLOAD_FORMAT_MISSING),
                row("payload format second", withCrc(tlv("01", "12") + tlv("00", "01") + replacing("00", "").substring(6)),
                        QrError.NOT_FIRST),
                row("payload format 02", withCrc(replacing("00", tlv("00", "02"))), QrError.PAYLOAD_FORMAT_UNSUPPORTED),
                row("a checksum in the middle", withCrc(replacing("52", tlv("63", "1234") + tlv("52", "5812"))),
                        QrError.CRC_NOT_LAST),
                row("the tail inside a value", BODY + "6512abcd6304" + crcOf(BODY + "6512abcd6304"), QrError.CRC_MISSING),
                row("a country twice", withCrc(BODY + tlv("58", "US")), QrError.DUPLICATE_ID),
                row("an account twice", withCrc(BODY + account), QrError.DUPLICATE_ID),
                row("a sub-ID twice", withCrc(replacing("62", tlv("62", tlv("05", "a") + tlv("05", "b")))),
                        QrError.DUPLICATE_ID),
                row("an account that is not objects", withCrc(replacing("26", tlv("26", "com.corridor"))),
                        QrError.TEMPLATE_MALFORMED),
                row("an account without its identifier", withCrc(replacing("26", tlv("26", tlv("01", "acct_7Hq2")))),
                        QrError.TEMPLATE_MALFORMED),
                row("additional data running over", withCrc(replacing("62", tlv("62", "0509pi_42"))),
                        QrError.TEMPLATE_MALFORMED),
                row("a language template without a name", withCrc(BODY + tlv("64", tlv("00", "ZH"))),
                        QrError.TEMPLATE_MALFORMED),
                row("no merchant account", withCrc(replacing("26", "")), QrError.FIELD_MISSING),
                row("no category code", withCrc(replacing("52", "")), QrError.FIELD_MISSING),
                row("no currency", withCrc(replacing("53", "")), QrError.FIELD_MISSING),
                row("no country", withCrc(replacing("58", "")), QrError.FIELD_MISSING),
                row("no name", withCrc(replacing("59", "")), QrError.FIELD_MISSING),
                row("no city", withCrc(replacing("60", "")), QrError.FIELD_MISSING),
                row("initiation 13", withCrc(replacing("01", tlv("01", "13"))), QrError.FIELD_INVALID),
                row("a category code with a letter", withCrc(replacing("52", tlv("52", "58A2"))), QrError.FIELD_INVALID),
                row("a five-digit category code", withCrc(replacing("52", tlv("52", "58120"))), QrError.FIELD_INVALID),
                row("a currency with a letter", withCrc(replacing("53", tlv("53", "84O"))), QrError.FIELD_INVALID),
                row("a lower-case country", withCrc(replacing("58", tlv("58", "us"))), QrError.FIELD_INVALID),
                row("a blank name", withCrc(replacing("59", tlv("59", "   "))), QrError.FIELD_INVALID),
                row("currency 999 (no currency)", withCrc(replacing("53", tlv("53", "999"))), QrError.CURRENCY_UNKNOWN),
                row("currency 000", withCrc(replacing("53", tlv("53", "000"))), QrError.CURRENCY_UNKNOWN),
                row("three decimals in USD", withCrc(replacing("54", tlv("54", "12.505"))), QrError.AMOUNT_INVALID),
                row("zero", withCrc(replacing("54", tlv("54", "0.00"))), QrError.AMOUNT_INVALID),
                row("negative", withCrc(replacing("54", tlv("54", "-12.50"))), QrError.AMOUNT_INVALID),
                row("exponent notation", withCrc(replacing("54", tlv("54", "1.25E1"))), QrError.AMOUNT_INVALID),
                row("a comma for the decimal mark", withCrc(replacing("54", tlv("54", "12,50"))), QrError.AMOUNT_INVALID),
                row("14 characters", withCrc(replacing("54", tlv("54", "12345678901.00"))), QrError.AMOUNT_INVALID),
                row("no integer digit", withCrc(replacing("54", tlv("54", ".50"))), QrError.AMOUNT_INVALID),
                row("decimals in yen", withCrc(replacing("53", tlv("53", "392"))), QrError.AMOUNT_INVALID),
                row("tip indicator 04", withCrc(BODY + tlv("55", "04")), QrError.TIP_INVALID),
                row("fixed fee indicator without the fee", withCrc(BODY + tlv("55", "02")), QrError.TIP_INVALID),
                row("a fixed fee without its indicator", withCrc(BODY + tlv("56", "1.00")), QrError.TIP_INVALID),
                row("a percentage of 100", withCrc(BODY + tlv("55", "03") + tlv("57", "100.0")), QrError.TIP_INVALID));
    }

    private static Arguments row(String name, String input, QrError expected) {
        return Arguments.of(name, input, expected);
    }

    private static String crcOf(String header) {
        return Crc16CcittFalse.hex(header);
    }

    private static String flipLast(String payload) {
        String crc = payload.substring(payload.length() - 4);
        char last = crc.charAt(3);
        return crc.substring(0, 3) + (last == '0' ? '1' : '0');
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("malformed")
    void refusesWithItsCode(String name, String input, QrError expected) {
        assertThatThrownBy(() -> MerchantPayloadParser.parse(input))
                .isInstanceOfSatisfying(QrPayloadException.class, refused -> {
                    assertThat(refused.error()).as(name).isEqualTo(expected);
                    assertThat(refused.position()).isBetween(0, Math.max(input.length(), MerchantPayloadParser.PAYLOAD_CHARS_MAX));
                    assertThat(refused.getMessage()).startsWith(expected.code());
                });
    }

    @Test
    void theHandWrittenPayloadIsValid() throws QrPayloadException {
        MerchantPayload payload = MerchantPayloadParser.parse(VALID);
        assertThat(payload.amountMinor()).hasValue(1_250);
        assertThat(payload.currency()).isEqualTo(Currency.getInstance("USD"));
        assertThat(payload.referenceLabel()).contains("pi_42");
        assertThat(payload.encode()).isEqualTo(VALID);
    }

    @Test
    void positionsPointAtTheFault() {
        String input = withCrc(replacing("54", tlv("54", "12.505")));
        int amountValue = input.indexOf("12.505");
        assertThatThrownBy(() -> MerchantPayloadParser.parse(input)).isInstanceOfSatisfying(QrPayloadException.class,
                refused -> assertThat(refused.position()).isEqualTo(amountValue));

        String overrun = withCrc(BODY + "6599ab");
        assertThatThrownBy(() -> MerchantPayloadParser.parse(overrun)).isInstanceOfSatisfying(QrPayloadException.class,
                refused -> assertThat(refused.position()).isEqualTo(BODY.length() + 2));
    }

    @Test
    void unknownIdsInReservedRangesAreKeptForTheRoundTrip() throws QrPayloadException {
        // 65 is reserved for EMVCo, 80 is an unreserved template, 62/50 a payment-system template.
        String input = withCrc(replacing("62", tlv("62", tlv("05", "pi_42") + tlv("50", tlv("00", "org.example"))))
                + tlv("65", "future") + tlv("80", tlv("00", "org.example") + tlv("01", "x")));
        MerchantPayload payload = MerchantPayloadParser.parse(input);
        assertThat(payload.value("65")).contains("future");
        assertThat(payload.template("80").orElseThrow().value("01")).contains("x");
        assertThat(payload.encode()).isEqualTo(input);
    }

    @Test
    void aLowerCaseChecksumIsReadAndWrittenBackUpperCase() throws QrPayloadException {
        String lower = VALID.substring(0, VALID.length() - 4) + VALID.substring(VALID.length() - 4).toLowerCase();
        MerchantPayload payload = MerchantPayloadParser.parse(lower);
        assertThat(payload.encode()).isEqualTo(VALID);
    }

    @Test
    void amountSpellingsTheSpecificationAllows() throws QrPayloadException {
        for (String spelling : new String[] {"12.50", "12.5"}) {
            assertThat(MerchantPayloadParser.parse(withCrc(replacing("54", tlv("54", spelling)))).amountMinor()).hasValue(1_250);
        }
        assertThat(MerchantPayloadParser.parse(withCrc(replacing("54", tlv("54", "12.")))).amountMinor()).hasValue(1_200);
        assertThat(MerchantPayloadParser.parse(withCrc(replacing("54", tlv("54", "12")))).amountMinor()).hasValue(1_200);
    }
}
