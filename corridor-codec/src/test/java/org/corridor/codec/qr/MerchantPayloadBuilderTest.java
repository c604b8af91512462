package org.corridor.codec.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Payloads Corridor writes: exact text, round trips through the parser, and the writer's refusals. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MerchantPayloadBuilderTest {
    private static final MerchantAccount CORRIDOR_ACCOUNT =
            MerchantAccount.template("26", "com.corridor", List.of(new DataObject("01", "acct_7Hq2")));

    private static MerchantPayloadBuilder dynamicCafe(String currency, long amountMinor) {
        return MerchantPayloadBuilder.dynamicCode().merchantAccount(CORRIDOR_ACCOUNT).merchantCategoryCode("5812")
                .currency(Currency.getInstance(currency)).amountMinor(amountMinor).countryCode("US")
                .merchantName("Blue Door Cafe").merchantCity("Austin").referenceLabel("pi_42");
    }

    @Test
    void writesTheExactTextInIdOrder() throws QrPayloadException {
        MerchantPayload payload = dynamicCafe("USD", 1_250).build();
        // The same payload written by hand in Payloads.BODY.
        assertThat(payload.encode()).isEqualTo(Payloads.withCrc(Payloads.BODY));
    }

    @ParameterizedTest(name = "{0} {1} minor is {2}")
    @CsvSource({
        "JPY, 1000, 1000", "JPY, 1, 1", "USD, 1250, 12.50", "USD, 5, 0.05", "USD, 100, 1.00",
        "BHD, 1234, 1.234", "BHD, 5, 0.005", "BHD, 1000, 1.000", "USD, 999999999999, 9999999999.99",
        "JPY, 9999999999999, 9999999999999"})
    void dynamicPaymentsRoundTrip(String currency, long amountMinor, String written) throws QrPayloadException {
        MerchantPayload built = dynamicCafe(currency, amountMinor).build();
        assertThat(built.value(PayloadIds.TRANSACTION_AMOUNT)).contains(written);

        MerchantPayload read = MerchantPayloadParser.parse(built.encode());
        assertThat(read.pointOfInitiation()).contains(PointOfInitiation.DYNAMIC);
        assertThat(read.amountMinor()).hasValue(amountMinor);
        assertThat(read.currency()).isEqualTo(Currency.getInstance(currency));
        assertThat(read.referenceLabel()).contains("pi_42");
        assertThat(read.merchantAccount("26").orElseThrow().globallyUniqueIdentifier()).contains("com.corridor");
        assertThat(read.merchantAccount("26").orElseThrow().template().orElseThrow().value("01")).contains("acct_7Hq2");
        assertThat(read.encode()).isEqualTo(built.encode());
    }

    @ParameterizedTest(name = "static {0}")
    @CsvSource({"JPY", "USD", "BHD"})
    void staticCodesRoundTripWithAndWithoutAnAmount(String currency) throws QrPayloadException {
        MerchantPayloadBuilder builder = MerchantPayloadBuilder.staticCode().merchantAccount(CORRIDOR_ACCOUNT)
                .merchantCategoryCode("5411").currency(Currency.getInstance(currency)).countryCode("BH")
                .merchantName("Souq Grocer").merchantCity("Manama").postalCode("317").terminalLabel("till-3")
                .billNumber("INV-9");
        MerchantPayload open = MerchantPayloadParser.parse(builder.build().encode());
        assertThat(open.pointOfInitiation()).contains(PointOfInitiation.STATIC);
        assertThat(open.amountMinor()).isEmpty();
        assertThat(open.postalCode()).contains("317");
        assertThat(open.terminalLabel()).contains("till-3");
        assertThat(open.billNumber()).contains("INV-9");

        MerchantPayload fixed = MerchantPayloadParser.parse(builder.amountMinor(2_500).build().encode());
        assertThat(fixed.amountMinor()).hasValue(2_500);
    }

    @Test
    void aPrimitiveCardNetworkAccountIsWrittenAsIs() throws QrPayloadException {
        MerchantPayload payload = dynamicCafe("USD", 100)
                .merchantAccount(new MerchantAccount("15", "37210116372101160123456789ABCDE", Optional.empty())).build();
        assertThat(payload.merchantAccounts()).extracting(MerchantAccount::id).containsExactly("15", "26");
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                refusal("no merchant account", b -> MerchantPayloadBuilder.dynamicCode().merchantCategoryCode("5812")
                        .currency(Currency.getInstance("USD")).amountMinor(1).countryCode("US").merchantName("A")
                        .merchantCity("B").referenceLabel("r"), QrError.FIELD_MISSING),
                refusal("account ID 52", b -> b.merchantAccount(new MerchantAccount("52", "x", Optional.empty())),
                        QrError.FIELD_INVALID),
                refusal("account 26 twice", b -> b.merchantAccount(CORRIDOR_ACCOUNT), QrError.DUPLICATE_ID),
                refusal("template ID with a plain value", b -> b.merchantAccount(new MerchantAccount("27", "x", Optional.empty())),
                        QrError.TEMPLATE_MALFORMED),
                refusal("identifier of 33", b -> b.merchantAccount(MerchantAccount.template("27", "x".repeat(33), List.of())),
                        QrError.FIELD_INVALID),
                refusal("account over 99", b -> b.merchantAccount(MerchantAccount.template("27", "org.example",
                        List.of(new DataObject("01", "x".repeat(90))))), QrError.FIELD_TOO_LONG),
                refusal("category code with a letter", b -> b.merchantCategoryCode("58A2"), QrError.FIELD_INVALID),
                refusal("no currency", b -> b.currency(null), QrError.FIELD_MISSING),
                refusal("dynamic without an amount", b -> b.amountMinor(0), QrError.FIELD_MISSING),
                refusal("a negative amount", b -> b.amountMinor(-1), QrError.AMOUNT_INVALID),
                refusal("14 characters of yen", b -> b.currency(Currency.getInstance("JPY")).amountMinor(10_000_000_000_000L),
                        QrError.AMOUNT_INVALID),
                refusal("lower-case country", b -> b.countryCode("us"), QrError.FIELD_INVALID),
                refusal("name of 26", b -> b.merchantName("x".repeat(26)), QrError.FIELD_TOO_LONG),
                refusal("city of 16", b -> b.merchantCity("Banteay Meanchey"), QrError.FIELD_TOO_LONG),
                refusal("a name outside ASCII", b -> b.merchantName("Café"), QrError.FIELD_INVALID),
                refusal("no name", b -> b.merchantName(null), QrError.FIELD_MISSING),
                refusal("postal code of 11", b -> b.postalCode("12345678901"), QrError.FIELD_TOO_LONG),
                refusal("dynamic without a reference", b -> b.referenceLabel(null), QrError.FIELD_MISSING),
                refusal("reference of 26", b -> b.referenceLabel("r".repeat(26)), QrError.FIELD_TOO_LONG),
                refusal("over 512 characters", b -> {
                    for (int id = 27; id <= 33; id++) {
                        b.merchantAccount(MerchantAccount.template(Integer.toString(id), "org.example",
                                List.of(new DataObject("01", "x".repeat(70)))));
                    }
                    return b;
                }, QrError.TOO_LONG));
    }

    private static Arguments refusal(String name, UnaryOperator<MerchantPayloadBuilder> change, QrError expected) {
        return Arguments.of(name, change, expected);
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("refusals")
    void refusesMerchantDataOutsideTheLimits(String name, UnaryOperator<MerchantPayloadBuilder> change, QrError expected) {
        MerchantPayloadBuilder builder = change.apply(dynamicCafe("USD", 1_250));
        assertThatThrownBy(builder::build).isInstanceOfSatisfying(QrPayloadException.class, refused -> {
            assertThat(refused.error()).as(name).isEqualTo(expected);
            assertThat(refused.position()).isEqualTo(QrPayloadException.NO_POSITION);
        });
    }
}
