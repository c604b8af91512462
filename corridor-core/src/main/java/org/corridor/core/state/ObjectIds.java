package org.corridor.core.state;

import org.corridor.core.Id128;

/** Prefixed object ids ({@code pi_} + 32 hex digits): the prefix says the kind, the digits are an {@link Id128}. */
public final class ObjectIds {
    /** Longest id accepted from a client: the longest prefix plus 32 digits, with room to spare. */
    public static final int ID_CHARS_MAX = 64;

    private ObjectIds() {}

    public static String of(String prefix, Id128 id) {
        return prefix + id;
    }

    /** The 128-bit part of a prefixed id, for ledger user data; zero if the id is not of that form. */
    public static Id128 numberOf(String objectId) {
        int underscore = objectId.lastIndexOf('_');
        if (underscore < 0 || objectId.length() - underscore - 1 != 32) return Id128.ZERO;
        try {
            return Id128.parse(objectId.substring(underscore + 1));
        } catch (IllegalArgumentException notHex) {
            return Id128.ZERO;
        }
    }
}
