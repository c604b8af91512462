package org.corridor.sim.wallet;

import java.util.Objects;
import org.corridor.vault.Pan;
import org.corridor.vault.cryptogram.DeviceCryptogram;
import org.corridor.vault.cryptogram.DeviceCryptogramMaker;
import org.corridor.vault.cryptogram.PaymentData;

/**
 * One token provisioned on a phone: the token id the API gave it, its device PAN, the domain it may pay in, and the
 * cryptogram maker holding its key and ATC. Thread-safe: the maker gives each payment its own ATC.
 */
public final class DeviceToken {
    private final String tokenId;
    private final String dpan;
    private final TokenDomain domain;
    private final DeviceCryptogramMaker maker;

    DeviceToken(String tokenId, String dpan, TokenDomain domain, DeviceCryptogramMaker maker) {
        this.tokenId = ApiPaths.requireId(tokenId, "tokenId");
        // A device PAN is Luhn-valid like any card number; anything else is a broken enrolment reply.
        if (!Pan.isValid(dpan)) throw new IllegalArgumentException("the device PAN is not a valid card number");
        this.dpan = dpan;
        this.domain = Objects.requireNonNull(domain, "domain");
        this.maker = Objects.requireNonNull(maker, "maker");
    }

    /** The token id, such as {@code tok_...}. */
    public String tokenId() {
        return tokenId;
    }

    /** The device PAN, clear: the phone sends it with every payment. Print {@link #maskedDpan()} instead. */
    public String dpan() {
        return dpan;
    }

    /** The device PAN masked. */
    public String maskedDpan() {
        return CardNumbers.mask(dpan);
    }

    /** The channel the token may pay in. */
    public TokenDomain domain() {
        return domain;
    }

    /** The last ATC the token used, 0 before its first payment. */
    public int lastAtc() {
        return maker.lastAtc();
    }

    /** Increments the ATC and makes the cryptogram over {@code data}. */
    DeviceCryptogram nextCryptogram(PaymentData data) {
        return maker.next(data);
    }

    /** Masked DPAN, domain and ATC; never the key. */
    @Override
    public String toString() {
        return "DeviceToken[" + tokenId + ", " + maskedDpan() + ", " + domain.wireName() + ", lastAtc=" + lastAtc()
                + "]";
    }
}
