package org.corridor.sim.wallet;

import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.corridor.vault.cryptogram.DeviceCryptogram;
import org.corridor.vault.cryptogram.DeviceCryptogramMaker;
import org.corridor.vault.cryptogram.PaymentData;
import org.corridor.vault.cryptogram.TokenKey;

/**
 * One phone: its device id and the tokens provisioned on it, in the order they were added. For a payment it makes
 * the {@link TokenPresentment} a merchant needs. Thread-safe: the token table is guarded by this object, and each
 * token's cryptogram maker gives concurrent payments distinct ATCs.
 */
public final class DeviceWallet {
    /** The longest device id the API accepts. */
    public static final int DEVICE_ID_CHARS_MAX = 64;
    /** The most tokens one phone holds, as real wallets cap the cards per device. */
    public static final int TOKENS_MAX = 32;

    private final String deviceId;
    private final UnpredictableNumbers unpredictableNumbers;
    private final Map<String, DeviceToken> tokens = new LinkedHashMap<>(); // Guarded by this.

    private DeviceWallet(String deviceId, UnpredictableNumbers unpredictableNumbers) {
        this.deviceId = deviceId;
        this.unpredictableNumbers = unpredictableNumbers;
    }

    /**
     * An empty phone.
     *
     * @throws IllegalArgumentException if {@code deviceId} is blank or longer than {@value #DEVICE_ID_CHARS_MAX}
     */
    public static DeviceWallet of(String deviceId, UnpredictableNumbers unpredictableNumbers) {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(unpredictableNumbers, "unpredictableNumbers");
        if (deviceId.isBlank() || deviceId.length() > DEVICE_ID_CHARS_MAX) {
            throw new IllegalArgumentException("deviceId must be 1 to " + DEVICE_ID_CHARS_MAX + " characters");
        }
        return new DeviceWallet(deviceId, unpredictableNumbers);
    }

    /** The device id sent at enrolment. */
    public String deviceId() {
        return deviceId;
    }

    /**
     * Stores a token the API just provisioned; its first payment carries ATC 1.
     *
     * @throws IllegalArgumentException if the phone holds this token id already or the fields are malformed
     * @throws IllegalStateException if the phone holds {@value #TOKENS_MAX} tokens already
     */
    public synchronized DeviceToken provision(String tokenId, String dpan, TokenDomain domain, TokenKey tokenKey) {
        DeviceToken token = new DeviceToken(tokenId, dpan, domain, DeviceCryptogramMaker.fresh(tokenKey));
        if (tokens.containsKey(tokenId)) throw new IllegalArgumentException("token " + tokenId + " is on the phone already");
        if (tokens.size() == TOKENS_MAX) throw new IllegalStateException("a phone holds at most " + TOKENS_MAX + " tokens");
        tokens.put(tokenId, token);
        return token;
    }

    /** The token with this id, if the phone holds it. */
    public synchronized Optional<DeviceToken> token(String tokenId) {
        return Optional.ofNullable(tokens.get(tokenId));
    }

    /** The tokens on the phone, in provisioning order. */
    public synchronized List<DeviceToken> tokens() {
        return List.copyOf(tokens.values());
    }

    /** Forgets a token, as the phone does once the token is deleted; whether it held it. */
    public synchronized boolean remove(String tokenId) {
        return tokens.remove(tokenId) != null;
    }

    /**
     * The presentment for one payment with token {@code tokenId}: a fresh unpredictable number, the next ATC and the
     * cryptogram over (amount, currency, merchant id, unpredictable number). The entry mode is the token's domain.
     *
     * @param terminalId the shop terminal, or null in an app
     * @throws IllegalArgumentException if the phone does not hold the token or the payment fields are malformed
     */
    public TokenPresentment present(String tokenId, long amountMinor, Currency currency, String merchantId,
            String terminalId) {
        DeviceToken token = token(tokenId)
                .orElseThrow(() -> new IllegalArgumentException("token " + tokenId + " is not on the phone"));
        PaymentData data = new PaymentData(amountMinor, currency, merchantId, unpredictableNumbers.next());
        DeviceCryptogram made = token.nextCryptogram(data);
        return new TokenPresentment(token.dpan(), made.atc(), made.cryptogram(), data.unpredictableNumber(),
                token.domain(), terminalId);
    }

    /** The device id and the tokens, masked. */
    @Override
    public String toString() {
        return "DeviceWallet[" + deviceId + ", " + tokens() + "]";
    }
}
