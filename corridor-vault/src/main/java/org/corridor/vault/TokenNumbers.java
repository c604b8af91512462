package org.corridor.vault;

import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import org.corridor.codec.card.Luhn;

/**
 * Device PANs and payment account references, as a network's token service issues them.
 *
 * <p>A DPAN is 16 digits: an eight-digit token BIN of the card's network, seven random digits, and the Luhn check
 * digit. Token BINs are ranges networks reserve for tokens, distinct from the issuers' card BINs, so a DPAN never
 * routes to an issuer as if it were a card. A PAR is 29 characters: a four-character BIN controller id, then 25
 * random upper-case letters and digits (EMVCo's format); it names the card, not a token.
 *
 * <p>Tokens Corridor issues itself, on a customer's balance (Corridor is their issuer: there is no card), take their
 * DPANs from {@link #BALANCE_TOKEN_BIN}. It starts with 9 (ISO/IEC 7812 major industry identifier 9, national
 * assignment), which no card network Corridor routes uses, so such a DPAN is never routed to a bank.
 */
public final class TokenNumbers {
    /** The token BIN of each network Corridor issues tokens for. */
    public static final Map<String, String> TOKEN_BINS = Map.of(
            "visa", "48953700",
            "mastercard", "52045500",
            "unionpay", "62581900");
    /** The token BIN of the DPANs Corridor issues on customers' balances: 99900100 0000000 to 99900100 9999999. */
    public static final String BALANCE_TOKEN_BIN = "99900100";
    /** Length of every DPAN Corridor issues. */
    public static final int DPAN_DIGITS = 16;
    /** Length of a payment account reference. */
    public static final int PAR_CHARS = 29;
    /** The BIN controller id Corridor writes at the start of the PARs it assigns. */
    public static final String PAR_CONTROLLER = "C001";

    private static final String PAR_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final int DPAN_ATTEMPTS_MAX = 16;

    private final SecureRandom random;

    public TokenNumbers(SecureRandom random) {
        this.random = random;
    }

    /** A fresh DPAN in {@code network}'s token range, never equal to {@code pan}; empty if Corridor has no range. */
    public Optional<String> newDpan(String network, Pan pan) {
        String bin = TOKEN_BINS.get(network);
        if (bin == null) return Optional.empty();
        for (int attempt = 0; attempt < DPAN_ATTEMPTS_MAX; attempt++) {
            String dpan = dpanIn(bin);
            if (!dpan.equals(pan.reveal())) return Optional.of(dpan);
        }
        throw new IllegalStateException("no DPAN different from the PAN in " + DPAN_ATTEMPTS_MAX + " draws");
    }

    /** A fresh DPAN in Corridor's own token range, for a token on a customer's balance (there is no PAN). */
    public String newBalanceDpan() {
        return dpanIn(BALANCE_TOKEN_BIN);
    }

    private String dpanIn(String bin) {
        StringBuilder body = new StringBuilder(bin);
        while (body.length() < DPAN_DIGITS - 1) body.append((char) ('0' + random.nextInt(10)));
        return Luhn.withCheckDigit(body.toString());
    }

    /** A fresh payment account reference. */
    public String newPar() {
        StringBuilder par = new StringBuilder(PAR_CONTROLLER);
        while (par.length() < PAR_CHARS) par.append(PAR_ALPHABET.charAt(random.nextInt(PAR_ALPHABET.length())));
        return par.toString();
    }
}
