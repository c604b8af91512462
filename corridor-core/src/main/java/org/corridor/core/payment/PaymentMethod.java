package org.corridor.core.payment;

/**
 * How a shopper pays. Each kind plugs in behind this one type; the card rails add device tokens, the
 * account wallets add wallets and QR codes.
 */
public sealed interface PaymentMethod permits PaymentMethod.CustomerBalance {

    /** The type name the API shows, such as {@code customer_balance}. */
    String type();

    /** A balance a wallet provider holds at Corridor for one of its customers. */
    record CustomerBalance(String customerId) implements PaymentMethod {
        @Override
        public String type() {
            return "customer_balance";
        }
    }
}
