package org.corridor.codec.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Payloads that others published, read field by field and written back to the same string. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PublishedVectorsTest {
    @Test
    void crcHasTheStandardCheckValue() {
        assertThat(Crc16CcittFalse.of("123456789".getBytes(StandardCharsets.US_ASCII))).isEqualTo(0x29B1);
        assertThat(Crc16CcittFalse.hex("")).isEqualTo("FFFF");
    }

    @Test
    void domainVector() throws QrPayloadException {
        MerchantPayload payload = MerchantPayloadParser.parse(PublishedVectors.KUNTHEAS_SHOP);

        assertThat(payload.value(PayloadIds.PAYLOAD_FORMAT_INDICATOR)).contains("01");
        assertThat(payload.pointOfInitiation()).contains(PointOfInitiation.DYNAMIC);
        assertThat(payload.merchantAccounts()).containsExactly(
                new MerchantAccount("15", "37210116372101160123456789ABCDE", java.util.Optional.empty()));
        assertThat(payload.merchantCategoryCode()).isEqualTo("4131");
        assertThat(payload.currency()).isEqualTo(Currency.getInstance("USD"));
        assertThat(payload.amountMinor()).hasValue(1_000);
        assertThat(payload.countryCode()).isEqualTo("KH");
        assertThat(payload.merchantName()).isEqualTo("Kuntheas Shop");
        assertThat(payload.merchantCity()).isEqualTo("Banteay Meanchey").hasSize(16);
        assertThat(payload.billNumber()).contains("12345678");
        assertThat(payload.additionalData().orElseThrow().fields()).containsExactly(new DataObject("01", "12345678"));
        assertThat(payload.crc()).isEqualTo("1FF2");
        assertThat(payload.encode()).isEqualTo(PublishedVectors.KUNTHEAS_SHOP);
        // The data objects come back in the order the merchant's encoder wrote them, not in ID order.
        assertThat(payload.objects()).extracting(DataObject::id)
                .containsExactly("00", "01", "52", "15", "60", "59", "58", "54", "53", "62");
    }

    @Test
    void emvcoSpecificationExample() throws QrPayloadException {
        MerchantPayload payload = MerchantPayloadParser.parse(PublishedVectors.EMVCO_BEST_TRANSPORT);

        assertThat(payload.pointOfInitiation()).contains(PointOfInitiation.DYNAMIC);
        assertThat(payload.merchantAccounts()).extracting(MerchantAccount::id).containsExactly("29", "31");
        MerchantAccount first = payload.merchantAccount("29").orElseThrow();
        assertThat(first.globallyUniqueIdentifier()).contains("D15600000000");
        assertThat(first.template().orElseThrow().value("05")).contains("A93FO3230Q");
        MerchantAccount second = payload.merchantAccount("31").orElseThrow();
        assertThat(second.globallyUniqueIdentifier()).contains("D15600000001");
        assertThat(second.template().orElseThrow().value("03")).contains("12345678");
        assertThat(payload.merchantCategoryCode()).isEqualTo("4111");
        assertThat(payload.currency()).isEqualTo(Currency.getInstance("CNY"));
        assertThat(payload.amountMinor()).hasValue(2_372);
        assertThat(payload.value(PayloadIds.TIP_OR_CONVENIENCE_INDICATOR)).contains("01");
        assertThat(payload.countryCode()).isEqualTo("CN");
        assertThat(payload.merchantName()).isEqualTo("BEST TRANSPORT");
        assertThat(payload.merchantCity()).isEqualTo("BEIJING");
        Template additional = payload.additionalData().orElseThrow();
        assertThat(additional.fields()).containsExactly(new DataObject("03", "1234"), new DataObject("06", "***"),
                new DataObject("07", "A6008667"), new DataObject("09", "ME"));
        assertThat(payload.terminalLabel()).contains("A6008667");
        Template language = payload.languageTemplate().orElseThrow();
        assertThat(language.value(PayloadIds.LANGUAGE_PREFERENCE)).contains("ZH");
        assertThat(language.value(PayloadIds.MERCHANT_NAME_ALTERNATE)).contains("最佳运输");
        assertThat(language.value(PayloadIds.MERCHANT_CITY_ALTERNATE)).contains("北京");
        // ID 91 is an unreserved template: kept and readable, not interpreted.
        assertThat(payload.template("91").orElseThrow().value("00")).contains("A011223344998877");
        assertThat(payload.crc()).isEqualTo("A13A");
        assertThat(payload.encode()).isEqualTo(PublishedVectors.EMVCO_BEST_TRANSPORT);
    }

    @Test
    void pixManualExample() throws QrPayloadException {
        MerchantPayload payload = MerchantPayloadParser.parse(PublishedVectors.PIX_FULANO_DE_TAL);

        assertThat(payload.pointOfInitiation()).isEmpty();
        MerchantAccount pix = payload.merchantAccount("26").orElseThrow();
        assertThat(pix.globallyUniqueIdentifier()).contains("br.gov.bcb.pix");
        assertThat(pix.template().orElseThrow().value("01")).contains("123e4567-e12b-12d1-a456-426655440000");
        assertThat(payload.merchantCategoryCode()).isEqualTo("0000");
        assertThat(payload.currency()).isEqualTo(Currency.getInstance("BRL"));
        assertThat(payload.amountMinor()).isEmpty();
        assertThat(payload.countryCode()).isEqualTo("BR");
        assertThat(payload.merchantName()).isEqualTo("Fulano de Tal");
        assertThat(payload.merchantCity()).isEqualTo("BRASILIA");
        assertThat(payload.referenceLabel()).contains("***");
        assertThat(payload.crc()).isEqualTo("1D3D");
        assertThat(payload.encode()).isEqualTo(PublishedVectors.PIX_FULANO_DE_TAL);
    }

    @Test
    void aPublishedPayloadWithDecimalsInYenIsRefusedAtItsAmount() {
        String text = PublishedVectors.DONGRI_JPY_WITH_DECIMALS;
        int amountValue = text.indexOf("5407999.123") + 4;

        assertThatThrownBy(() -> MerchantPayloadParser.parse(text))
                .isInstanceOfSatisfying(QrPayloadException.class, refused -> {
                    assertThat(refused.error()).isEqualTo(QrError.AMOUNT_INVALID);
                    assertThat(refused.position()).isEqualTo(amountValue);
                    assertThat(refused.dataObjectId()).isEqualTo("54");
                });
    }

    @Test
    void everyVectorSurvivesAParseEncodeParseCycle() throws QrPayloadException {
        for (String vector : List.of(PublishedVectors.KUNTHEAS_SHOP, PublishedVectors.EMVCO_BEST_TRANSPORT,
                PublishedVectors.PIX_FULANO_DE_TAL)) {
            MerchantPayload once = MerchantPayloadParser.parse(vector);
            MerchantPayload twice = MerchantPayloadParser.parse(once.encode());
            assertThat(twice.objects()).isEqualTo(once.objects());
            assertThat(twice.encode()).isEqualTo(vector);
        }
    }
}
