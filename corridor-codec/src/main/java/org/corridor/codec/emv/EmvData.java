package org.corridor.codec.emv;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The EMV values of one DE55, by tag, each within its tag's length bounds. Immutable: values are copied in
 * and out. {@link #toString()} names the tags only, never a value.
 */
public final class EmvData {
    private final Map<EmvTag, byte[]> values;

    private EmvData(Map<EmvTag, byte[]> values) {
        this.values = Collections.unmodifiableMap(new EnumMap<>(values));
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A copy of the value of {@code tag}, if present. */
    public Optional<byte[]> value(EmvTag tag) {
        byte[] value = values.get(tag);
        return value == null ? Optional.empty() : Optional.of(value.clone());
    }

    /** The tags present, in {@link EmvTag} order. */
    public Set<EmvTag> tags() {
        return values.keySet();
    }

    /** 9F36, the application transaction counter, 0 to 65,535. */
    public Optional<Integer> applicationTransactionCounter() {
        return value(EmvTag.APPLICATION_TRANSACTION_COUNTER).map(v -> ((v[0] & 0xFF) << 8) | (v[1] & 0xFF));
    }

    /** 9F02, the authorised amount in minor units (the builder and {@link EmvTlv#parse} ensure it is BCD). */
    public Optional<Long> amountAuthorisedMinor() {
        return value(EmvTag.AMOUNT_AUTHORISED).map(Bcd::decode);
    }

    /** 5F2A, the transaction currency's ISO 4217 numeric code. */
    public Optional<Integer> transactionCurrencyCode() {
        return value(EmvTag.TRANSACTION_CURRENCY_CODE).map(v -> (int) Bcd.decode(v));
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof EmvData that) || !values.keySet().equals(that.values.keySet())) return false;
        for (Map.Entry<EmvTag, byte[]> entry : values.entrySet()) {
            if (!Arrays.equals(entry.getValue(), that.values.get(entry.getKey()))) return false;
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = 0;
        for (Map.Entry<EmvTag, byte[]> entry : values.entrySet()) {
            hash += entry.getKey().hashCode() ^ Arrays.hashCode(entry.getValue());
        }
        return hash;
    }

    @Override
    public String toString() {
        return "EmvData" + values.keySet();
    }

    /** Collects EMV values; {@link #put} checks each value as it arrives. */
    public static final class Builder {
        private final Map<EmvTag, byte[]> values = new EnumMap<>(EmvTag.class);

        private Builder() {}

        /** Sets {@code tag} to {@code value}; throws {@link IllegalArgumentException} on a wrong length or non-BCD. */
        public Builder put(EmvTag tag, byte[] value) {
            if (value.length < tag.valueBytesMin() || value.length > tag.valueBytesMax()) {
                throw new IllegalArgumentException(tag.hex() + " must have " + tag.valueBytesMin() + " to "
                        + tag.valueBytesMax() + " bytes, has " + value.length);
            }
            if (tag.isBcd() && !Bcd.isValid(value)) throw new IllegalArgumentException(tag.hex() + " must be BCD");
            values.put(tag, value.clone());
            return this;
        }

        /** 9F02 from an amount in minor units, 0 to 999,999,999,999. */
        public Builder amountAuthorisedMinor(long amountMinor) {
            return put(EmvTag.AMOUNT_AUTHORISED, Bcd.encode(amountMinor, 6));
        }

        /** 5F2A from an ISO 4217 numeric code, 0 to 999. */
        public Builder transactionCurrencyCode(int numericCode) {
            return put(EmvTag.TRANSACTION_CURRENCY_CODE, Bcd.encode(numericCode, 2));
        }

        /** 9F36 from a counter, 0 to 65,535. */
        public Builder applicationTransactionCounter(int counter) {
            if (counter < 0 || counter > 0xFFFF) throw new IllegalArgumentException("ATC must be 0 to 65535");
            return put(EmvTag.APPLICATION_TRANSACTION_COUNTER, new byte[] {(byte) (counter >>> 8), (byte) counter});
        }

        public EmvData build() {
            return new EmvData(values);
        }
    }
}
