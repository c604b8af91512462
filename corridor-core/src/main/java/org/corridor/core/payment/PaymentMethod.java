package org.corridor.core.payment;

import org.corridor.core.card.TokenDomain;

/**
 * How a shopper pays. Each kind plugs in behind this one type; the card rails add device tokens, the
 * account wallets add wallets and QR codes.
 */
public sealed interface PaymentMethod permits PaymentMethod.CustomerBalance, PaymentMethod.DeviceToken {

    /** The type name the API shows, such as {@code customer_balance}. */
    String type();

    /** A balance a wallet provider holds at Corridor for one of its customers. */
    record CustomerBalance(String customerId) implements PaymentMethod {
        @Override
        public String type() {
            return "customer_balance";
        }
    }

    /**
     * A device token presented with a one-time cryptogram, as authorized by the card's issuer.
     *
     * @param tokenId the token ({@code tok_…})
     * @param network the card network
     * @param dpanLastFour the last four digits of the device PAN, for display
     * @param entry how it was presented: a tap or in an app
     * @param authorizationId the authorization sent to the issuer ({@code auth_…})
     */
    record DeviceToken(String tokenId, String network, String dpanLastFour, TokenDomain entry, String authorizationId)
            implements PaymentMethod {
        @Override
        public String type() {
            return "device_token";
        }
    }
}
