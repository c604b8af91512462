package org.corridor.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Currency;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** ISO 4217 codes as Corridor takes them: exponent, ledger number, spelling. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CurrenciesTest {

    @ParameterizedTest(name = "{0}: exponent {1}, ledger {2}")
    @CsvSource({
        "USD, 2, 840",
        "EUR, 2, 978",
        "JPY, 0, 392",
        "KRW, 0, 410",
        "KWD, 3, 414",
        "BHD, 3, 48",
        "GBP, 2, 826",
        "usd, 2, 840",
        "jPy, 0, 392",
        "kwd, 3, 414",
    })
    void knownCodesInEitherCaseHaveTheirExponentAndLedger(String code, int exponent, int ledger) {
        Currency currency = Currencies.parse(code).orElseThrow();

        assertThat(currency.getDefaultFractionDigits()).isEqualTo(exponent);
        assertThat(currency.getCurrencyCode()).isEqualTo(code.toUpperCase(java.util.Locale.ROOT));
        assertThat(Currencies.ledger(code)).isEqualTo(ledger);
        assertThat(Currencies.canonical(code)).isEqualTo(currency.getCurrencyCode());
    }

    @ParameterizedTest(name = "\"{0}\" is not payable")
    @ValueSource(strings = {"ZZZ", "ABC", "", "US", "USDX", "U$D", "XAU", "XXX", "123", " usd"})
    void unknownMalformedAndUnpayableCodesAreRefused(String code) {
        assertThat(Currencies.parse(code)).isEmpty();
        assertThatThrownBy(() -> Currencies.ledger(code)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @NullSource
    void noCodeIsRefused(String code) {
        assertThat(Currencies.parse(code)).isEmpty();
    }

    @Test
    void eachCurrencyHasALedgerOfItsOwn() {
        assertThat(Currencies.ledger("USD")).isNotEqualTo(Currencies.ledger("EUR")).isNotEqualTo(Currencies.ledger("JPY"))
                .isPositive();
    }

    @Test
    void theCanonicalSpellingIsUpperCaseWhateverTheDefaultLocale() {
        java.util.Locale previous = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR"));
            assertThat(Currencies.canonical("try")).isEqualTo("TRY");
            assertThat(Currencies.parse("try")).map(Currency::getCurrencyCode).contains("TRY");
        } finally {
            java.util.Locale.setDefault(previous);
        }
    }
}
