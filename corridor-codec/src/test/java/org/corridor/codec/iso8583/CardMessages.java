package org.corridor.codec.iso8583;

import java.util.Currency;
import java.util.HexFormat;
import org.corridor.codec.TestCards;

/** Sample messages for tests: one with every data element Corridor's layout has. */
final class CardMessages {
    static final String CANARY_PAN = TestCards.VISA;
    static final byte[] EMV_DATA = HexFormat.of().parseHex(
            "9F2608A1B2C3D4E5F60718" + "9F360200A5" + "9F370412345678" + "9F02060000000123" + "45"
                    + "5F2A020840" + "9A03261128" + "9C0100" + "82025C00" + "9F10070601120300A000");

    private CardMessages() {}

    static CardMessage.Builder everyField(Mti mti) {
        return CardMessage.builder(mti)
                .pan(CANARY_PAN)
                .processingCode("000000")
                .amountMinor(12_345)
                .transmissionDateTime("1128060430")
                .stan(4_711)
                .localTime("140430")
                .localDate("1128")
                .expiry("2912")
                .merchantCategoryCode("5411")
                .posEntryMode("071")
                .retrievalReferenceNumber("633206047110")
                .authorizationCode("A1B2C3")
                .responseCode("00")
                .terminalId("TERM0001")
                .merchantId("MERCHANT0000042")
                .currency(Currency.getInstance("USD"))
                .emvData(EMV_DATA)
                .networkManagementCode("301");
    }
}
