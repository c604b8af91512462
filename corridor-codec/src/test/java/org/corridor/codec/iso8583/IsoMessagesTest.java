package org.corridor.codec.iso8583;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.corridor.codec.emv.EmvData;
import org.corridor.codec.emv.EmvTag;
import org.corridor.codec.emv.EmvTlv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class IsoMessagesTest {
    private final IsoMessages codec = new IsoMessages();

    @ParameterizedTest
    @EnumSource(Mti.class)
    void everyMessageTypeRoundTripsWithEveryField(Mti mti) throws IsoFormatException {
        CardMessage message = CardMessages.everyField(mti).build();

        byte[] bytes = codec.encode(message);
        CardMessage decoded = codec.decode(bytes);

        assertThat(decoded).isEqualTo(message);
        assertThat(decoded.emvData()).isEqualTo(CardMessages.EMV_DATA);
        assertThat(new String(bytes, 0, 4, StandardCharsets.US_ASCII)).isEqualTo(mti.digits());
        assertThat(codec.encode(decoded)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @EnumSource(Mti.class)
    void everyMessageTypeRoundTripsWithNoField(Mti mti) throws IsoFormatException {
        CardMessage message = CardMessage.builder(mti).build();
        assertThat(codec.decode(codec.encode(message))).isEqualTo(message);
    }

    @Test
    void networkManagementEchoRoundTrips() throws IsoFormatException {
        CardMessage echo = CardMessage.builder(Mti.NETWORK_MANAGEMENT_REQUEST)
                .transmissionDateTime("1128060430")
                .stan(1)
                .networkManagementCode(CardMessage.NETWORK_MANAGEMENT_ECHO)
                .build();
        byte[] bytes = codec.encode(echo);
        // DE70 sits in the secondary bitmap: bit 1 of the primary bitmap announces it.
        assertThat(bytes[4] & 0x80).isEqualTo(0x80);
        assertThat(codec.decode(bytes)).isEqualTo(echo);
    }

    @ParameterizedTest(name = "{0} {1} minor units")
    @CsvSource({
        "JPY, 0, 0", "JPY, 1, 0", "JPY, 987654321, 0",
        "USD, 1, 2", "USD, 12345, 2", "USD, 999999999999, 2",
        "KWD, 1, 3", "KWD, 1234567, 3", "KWD, 100, 3",
    })
    void amountsTravelInMinorUnitsUnchangedWhateverTheExponent(String code, long amountMinor, int exponent)
            throws IsoFormatException {
        Currency currency = Currency.getInstance(code);
        assertThat(currency.getDefaultFractionDigits()).isEqualTo(exponent);
        CardMessage message = CardMessages.everyField(Mti.PURCHASE_REQUEST)
                .amountMinor(amountMinor)
                .currency(currency)
                .build();

        byte[] bytes = codec.encode(message);
        String wire = new String(bytes, StandardCharsets.ISO_8859_1);
        CardMessage decoded = codec.decode(bytes);

        assertThat(decoded.amountMinor()).isEqualTo(amountMinor);
        assertThat(decoded.currency()).isEqualTo(currency);
        assertThat(wire).contains(String.format("%012d", amountMinor));
        assertThat(wire).contains(String.format("%03d", currency.getNumericCode()));
    }

    @Test
    void layoutMatchesTheStandardFieldFormats() {
        byte[] bytes = codec.encode(CardMessage.builder(Mti.PURCHASE_REQUEST)
                .pan(CardMessages.CANARY_PAN)
                .processingCode("000000")
                .amountMinor(12_345)
                .stan(42)
                .build());
        // MTI, then the binary primary bitmap for DE2, DE3, DE4, DE11: 0111 0000 0010 0000 then zeros.
        assertThat(HexFormat.of().formatHex(bytes, 4, 12)).isEqualTo("7020000000000000");
        assertThat(new String(bytes, 12, bytes.length - 12, StandardCharsets.US_ASCII))
                .isEqualTo("16" + CardMessages.CANARY_PAN + "000000" + "000000012345" + "000042");
    }

    @Test
    void bitmapReadsLikeThePublishedExample() {
        // The widely reproduced ISO 8583 example: primary bitmap 4210001102C04804 announces data elements
        // 2, 7, 12, 28, 32, 39, 41, 42, 50, 53 and 62.
        assertThat(fieldsIn(HexFormat.of().parseHex("4210001102C04804")))
                .containsExactly(2, 7, 12, 28, 32, 39, 41, 42, 50, 53, 62);
        byte[] bytes = codec.encode(CardMessage.builder(Mti.AUTHORIZATION_REQUEST)
                .pan(CardMessages.CANARY_PAN)
                .transmissionDateTime("1128060430")
                .localTime("140430")
                .responseCode("00")
                .terminalId("T1")
                .merchantId("M1")
                .build());
        assertThat(fieldsIn(Arrays.copyOfRange(bytes, 4, 12))).containsExactly(2, 7, 12, 39, 41, 42);
        // The same bits as the published bitmap, minus the elements Corridor's layout does not carry.
        assertThat(HexFormat.of().formatHex(bytes, 4, 12)).isEqualToIgnoringCase("4210000002C00000");
    }

    @Test
    void alphaFieldsArePaddedOnTheWireAndTrimmedInTheView() throws IsoFormatException {
        CardMessage message = CardMessage.builder(Mti.PURCHASE_RESPONSE).terminalId("T1").responseCode("05").build();
        byte[] bytes = codec.encode(message);
        assertThat(new String(bytes, StandardCharsets.US_ASCII)).endsWith("05T1      ");
        assertThat(codec.decode(bytes).terminalId()).isEqualTo("T1");
    }

    @Test
    void viewRejectsMalformedElementsBeforeEncoding() {
        assertThatThrownBy(() -> CardMessages.everyField(Mti.PURCHASE_REQUEST).amountMinor(1_000_000_000_000L).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DE4");
        assertThatThrownBy(() -> CardMessages.everyField(Mti.PURCHASE_REQUEST).amountMinor(-1).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CardMessages.everyField(Mti.PURCHASE_REQUEST).pan("41111111111").build())
                .hasMessageContaining("DE2");
        assertThatThrownBy(() -> CardMessages.everyField(Mti.PURCHASE_REQUEST).terminalId("TERMINAL9").build())
                .hasMessageContaining("DE41");
        assertThatThrownBy(() -> CardMessages.everyField(Mti.PURCHASE_REQUEST).emvData(new byte[256]).build())
                .hasMessageContaining("DE55");
        assertThatThrownBy(() -> CardMessages.everyField(Mti.PURCHASE_REQUEST).posEntryMode("7").build())
                .hasMessageContaining("DE22");
        assertThatThrownBy(() -> CardMessages.everyField(Mti.PURCHASE_REQUEST).responseCode("0\u00e9").build())
                .hasMessageContaining("DE39");
    }

    @Test
    void toStringMasksThePanAndHidesSecrets() {
        String text = CardMessages.everyField(Mti.AUTHORIZATION_REQUEST).build().toString();
        assertThat(text).doesNotContain(CardMessages.CANARY_PAN).contains("411111******1111");
        assertThat(text).doesNotContain("2912").doesNotContain("A1B2C3D4");
    }

    @Test
    void decodeErrorsNeverQuoteThePan() {
        byte[] bytes = codec.encode(CardMessages.everyField(Mti.PURCHASE_REQUEST).build());
        byte[] truncated = Arrays.copyOf(bytes, 40);
        assertThatThrownBy(() -> codec.decode(truncated))
                .isInstanceOf(IsoFormatException.class)
                .message()
                .doesNotContain("41111111");
    }

    @Test
    void rejectsTrailingBytesAndUnknownTypes() {
        byte[] bytes = codec.encode(CardMessages.everyField(Mti.PURCHASE_REQUEST).build());
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        longer[bytes.length] = '0';
        assertThatThrownBy(() -> codec.decode(longer)).isInstanceOf(IsoFormatException.class);
        byte[] advice = bytes.clone();
        advice[2] = '2';
        assertThatThrownBy(() -> codec.decode(advice))
                .isInstanceOf(IsoFormatException.class)
                .hasMessageContaining("0220");
    }

    @Test
    void de55CarriesTheEmvDataAsBerTlv() throws Exception {
        CardMessage decoded = codec.decode(codec.encode(CardMessages.everyField(Mti.AUTHORIZATION_REQUEST).build()));
        EmvData emv = EmvTlv.parse(decoded.emvData());
        assertThat(emv.tags()).containsExactly(EmvTag.values());
        assertThat(emv.amountAuthorisedMinor()).contains(decoded.amountMinor());
        assertThat(emv.transactionCurrencyCode()).contains(decoded.currency().getNumericCode());
        assertThat(emv.applicationTransactionCounter()).contains(0xA5);
    }

    @Test
    void requestTypesKnowTheirResponses() {
        assertThat(Mti.AUTHORIZATION_REQUEST.response()).isEqualTo(Mti.AUTHORIZATION_RESPONSE);
        assertThat(Mti.PURCHASE_REQUEST.response()).isEqualTo(Mti.PURCHASE_RESPONSE);
        assertThat(Mti.REVERSAL_REQUEST.response()).isEqualTo(Mti.REVERSAL_RESPONSE);
        assertThat(Mti.NETWORK_MANAGEMENT_REQUEST.response()).isEqualTo(Mti.NETWORK_MANAGEMENT_RESPONSE);
        assertThat(Mti.PURCHASE_RESPONSE.isRequest()).isFalse();
    }

    private static List<Integer> fieldsIn(byte[] primaryBitmap) {
        List<Integer> fields = new ArrayList<>();
        for (int bit = 1; bit <= 64; bit++) {
            int b = primaryBitmap[(bit - 1) / 8] & 0xFF;
            if ((b & (0x80 >>> ((bit - 1) % 8))) != 0 && bit != 1) fields.add(bit);
        }
        return fields;
    }
}
