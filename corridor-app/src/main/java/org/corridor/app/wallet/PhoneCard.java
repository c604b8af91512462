package org.corridor.app.wallet;

import org.corridor.sim.wallet.DeviceToken;
import org.corridor.sim.wallet.DeviceWallet;
import org.corridor.sim.wallet.TestCard;
import org.corridor.sim.wallet.TokenDomain;

/**
 * One test card and what enrolling it gave: the phone it went onto, the domain asked for, the outcome label, and the
 * token if one was provisioned.
 *
 * @param card the card
 * @param phone the phone it was enrolled on
 * @param domain the domain asked for
 * @param enrolment the outcome label ({@code active}, {@code card_declined/05}, ...)
 * @param token the provisioned token, or null
 */
public record PhoneCard(TestCard card, DeviceWallet phone, TokenDomain domain, String enrolment, DeviceToken token) {
    /** Whether the card can pay. */
    public boolean provisioned() {
        return token != null;
    }
}
