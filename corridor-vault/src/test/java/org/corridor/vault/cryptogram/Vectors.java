package org.corridor.vault.cryptogram;

import java.util.HexFormat;

/** Hex helpers for known-answer tests. */
final class Vectors {
    private Vectors() {}

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    static TokenKey key(String hex) {
        return TokenKey.of(bytes(hex));
    }
}
