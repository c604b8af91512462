package org.corridor.app.wallet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.corridor.sim.wallet.DeviceWallet;
import org.corridor.sim.wallet.Enrolment;
import org.corridor.sim.wallet.TestCard;
import org.corridor.sim.wallet.TokenDomain;
import org.corridor.sim.wallet.UnpredictableNumbers;
import org.corridor.sim.wallet.WalletApiClient;

/**
 * Enrols test cards onto simulated phones, {@value #CARDS_PER_PHONE} cards a phone: the first contactless, the second
 * in app. A card the issuer refuses is reported and left out of the phones' cards.
 */
public final class CardEnrolment {
    /** Cards per phone: the first contactless, the second in app. */
    public static final int CARDS_PER_PHONE = 2;

    private final WalletApiClient client;
    private final String walletProviderKey;
    private final String phonePrefix;
    private final long seed;

    /**
     * Enrolments asked for with {@code walletProviderKey}, onto phones named {@code phonePrefix-00001}, ..., whose
     * unpredictable numbers come from {@code seed}.
     */
    public CardEnrolment(WalletApiClient client, String walletProviderKey, String phonePrefix, long seed) {
        this.client = client;
        this.walletProviderKey = walletProviderKey;
        this.phonePrefix = phonePrefix;
        this.seed = seed;
    }

    /** Enrols {@code cards} in order, telling {@code each} how every enrolment went; returns the provisioned ones. */
    public List<PhoneCard> enrol(List<TestCard> cards, Consumer<PhoneCard> each) throws IOException {
        List<PhoneCard> enrolled = new ArrayList<>();
        DeviceWallet phone = null;
        for (int i = 0; i < cards.size(); i++) {
            if (i % CARDS_PER_PHONE == 0) {
                phone = DeviceWallet.of(String.format("%s-%05d", phonePrefix, i / CARDS_PER_PHONE + 1),
                        UnpredictableNumbers.seeded(seed * 1_000_003L + i));
            }
            TokenDomain domain = i % CARDS_PER_PHONE == 0 ? TokenDomain.CONTACTLESS : TokenDomain.IN_APP;
            TestCard card = cards.get(i);
            Enrolment enrolment = client.enrol(walletProviderKey, card.details(), phone.deviceId(), domain);
            PhoneCard phoneCard = new PhoneCard(card, phone, domain, enrolment.result().outcome(),
                    enrolment.provisioned()
                            ? phone.provision(enrolment.tokenId(), enrolment.dpan(), domain, enrolment.tokenKey())
                            : null);
            each.accept(phoneCard);
            if (phoneCard.provisioned()) enrolled.add(phoneCard);
        }
        return enrolled;
    }
}
