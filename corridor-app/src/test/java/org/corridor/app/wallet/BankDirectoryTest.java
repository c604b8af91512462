package org.corridor.app.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Currency;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class BankDirectoryTest {
    private static final String TWO_BANKS_SEED_1 = directory(1, 2);

    private static String directory(long seed, int count) {
        var banks = org.corridor.sim.issuer.SimulatedBanks.generate(seed, count);
        ObjectNode root = JsonMapper.shared().createObjectNode();
        root.put("seed", seed);
        var list = root.putArray("banks");
        banks.all().forEach(bank -> {
            ObjectNode entry = list.addObject().put("id", bank.id()).put("currency", bank.currency().getCurrencyCode())
                    .put("down", bank.id().equals("bank-002"));
            bank.bins().forEach(entry.putArray("bins")::add);
        });
        return root.toString();
    }

    @Test
    void regeneratesTheBanksAndNotesThoseDown() throws IOException {
        BankDirectory directory = BankDirectory.parse(JsonMapper.shared().readTree(TWO_BANKS_SEED_1));
        assertThat(directory.banks().all()).hasSize(2);
        assertThat(directory.banks().seed()).isEqualTo(1);
        assertThat(directory.downBankIds()).containsExactly("bank-002");
    }

    @Test
    void refusesBanksThisBuildDoesNotGenerate() {
        String otherBins = TWO_BANKS_SEED_1.replaceFirst("\"bins\":\\[\"(\\d+)\"", "\"bins\":[\"499999\"");
        assertThatThrownBy(() -> BankDirectory.parse(JsonMapper.shared().readTree(otherBins)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("bank 1");
        assertThatThrownBy(() -> BankDirectory.parse(JsonMapper.shared().readTree("{\"seed\":1,\"banks\":[]}")))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> BankDirectory.parse(JsonMapper.shared().readTree("{\"banks\":[{}]}")))
                .isInstanceOf(IOException.class);
    }

    @Test
    void everySimulatedCurrencyHasACountry() {
        assertThat(CountryOfCurrency.of(Currency.getInstance("EUR"))).isEqualTo("DE");
        assertThat(CountryOfCurrency.of(Currency.getInstance("KES"))).isEqualTo("KE");
        assertThat(CountryOfCurrency.of(Currency.getInstance("CHF"))).isEqualTo("CH");
    }
}
