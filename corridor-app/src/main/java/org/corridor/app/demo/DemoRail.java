package org.corridor.app.demo;

import java.util.SplittableRandom;

/** The kinds of payment the demo drives, with how many in a hundred of each. */
enum DemoRail {
    /** A card token on a phone, tapped in a shop or used in an app (captures, voids, refunds, refusals). */
    CARD_TOKEN(30, "card token: tap / in-app"),
    /** A shopper's balance issued as a device token, tapped or used in an app at a card merchant. */
    BALANCE_TOKEN(7, "balance token: tap / in-app"),
    /** An account wallet pays a shop of its own country, sometimes captured later, voided or refunded. */
    ACCOUNT_WALLET(10, "account wallet: in-app"),
    /** A shopper pays a shop in another currency (a CNY shopper at the US shop, mostly), at market or quoted. */
    CROSS_BORDER(14, "cross-border with FX"),
    /** The shopper scans the shop's QR code (static or dynamic) and pays from the balance. */
    QR_MERCHANT_PRESENTED(12, "QR: shopper scans the shop's code"),
    /** The shopper scans the shop's QR code and pays with a card token. */
    QR_CARD_TOKEN(5, "QR: paid with a card token"),
    /** The shop scans the shopper's payment code. */
    QR_CUSTOMER_PRESENTED(10, "QR: shop scans the shopper's code"),
    /** A marketplace order paid into escrow, then delivered, partly delivered, disputed or left held. */
    MARKETPLACE_ESCROW(12, "marketplace order in escrow");

    /** The sum of the weights. */
    static final int WEIGHT_TOTAL = 100;

    private final int weight;
    private final String label;

    DemoRail(int weight, String label) {
        this.weight = weight;
        this.label = label;
    }

    String label() {
        return label;
    }

    /** A rail drawn with the weights above. */
    static DemoRail pick(SplittableRandom random) {
        int draw = random.nextInt(WEIGHT_TOTAL);
        for (DemoRail rail : values()) {
            if (draw < rail.weight) return rail;
            draw -= rail.weight;
        }
        throw new IllegalStateException("the rail weights add up to " + WEIGHT_TOTAL);
    }
}
