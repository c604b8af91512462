package org.corridor.sim.wallet;

/**
 * Checks on the object ids the wallet puts into request paths. The ids come from earlier replies; checking them
 * keeps a malformed or hostile reply from steering a later request to another path.
 */
final class ApiPaths {
    /** The longest object id accepted. */
    static final int ID_CHARS_MAX = 64;

    private ApiPaths() {}

    /**
     * {@code id} if it is 1 to {@value #ID_CHARS_MAX} ASCII letters, digits, {@code _} or {@code -}.
     *
     * @throws IllegalArgumentException otherwise, naming {@code what} but not quoting the id
     */
    static String requireId(String id, String what) {
        if (id == null || id.isEmpty() || id.length() > ID_CHARS_MAX) {
            throw new IllegalArgumentException(what + " must be 1 to " + ID_CHARS_MAX + " characters");
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                    || c == '-';
            if (!allowed) throw new IllegalArgumentException(what + " may hold letters, digits, _ and - only");
        }
        return id;
    }
}
