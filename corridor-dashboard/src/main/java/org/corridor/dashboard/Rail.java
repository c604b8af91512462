package org.corridor.dashboard;

import org.corridor.core.payment.PaymentIntent;
import org.corridor.core.payment.PaymentMethod;

/** How a payment reached the switch, as the dashboard counts them. */
public enum Rail {
    /** A wallet provider's customer paying from a stored balance through the API. */
    CUSTOMER_BALANCE("customer balance"),
    /** A device token (DPAN) authorized by the card's issuer. */
    DEVICE_TOKEN("device token"),
    /** A QR code: the merchant's code scanned, or the customer's payment code scanned by the merchant. */
    QR("QR");

    private final String label;

    Rail(String label) {
        this.label = label;
    }

    /** The words shown on the pages. */
    public String label() {
        return label;
    }

    /** The rail {@code intent} was paid (or tried) through. */
    public static Rail of(PaymentIntent intent) {
        if (intent.paymentMethod() instanceof PaymentMethod.DeviceToken) return DEVICE_TOKEN;
        if (intent.metadata().containsKey("qr_code") || intent.metadata().containsKey("payment_code")) return QR;
        return CUSTOMER_BALANCE;
    }
}
