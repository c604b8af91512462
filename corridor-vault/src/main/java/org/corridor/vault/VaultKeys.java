package org.corridor.vault;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.Key;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.prf.HmacPrfKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Loads and saves the vault's Tink keysets as plaintext keyset files (Tink's JSON keyset format), creating a
 * keyset with one fresh key the first time a file is missing.
 *
 * <p><strong>A keyset file holds the secret keys in the clear.</strong> It must be protected exactly like a key:
 * readable by the switch's own user only (mode 0600, which this class sets when it writes and demands when it
 * reads on POSIX file systems), kept out of backups and source control, never copied to logs. That is why the
 * serialization goes through Tink's {@link InsecureSecretKeyAccess}. The production option is a keyset wrapped
 * by a key management service (Tink's encrypted keyset format with a KMS key-encryption key), so that the file
 * alone reveals nothing; plaintext files are for development, tests and single-host installations.
 *
 * <p>Use one file per purpose: {@link #loadOrCreateCipherKeyset} for {@link PanCipher} (AES-256-GCM) and
 * {@link #loadOrCreateFingerprintKeyset} for {@link PanFingerprint} (HMAC-SHA256 PRF). A file that is not a Tink
 * keyset, or holds keys of the other kind, is refused with a message naming the file and never its contents.
 */
public final class VaultKeys {
    /** The largest keyset file read: a keyset of {@value PanCipher#KEYS_MAX} keys is a few kilobytes. */
    public static final long KEYSET_FILE_BYTES_MAX = 1024 * 1024;

    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private VaultKeys() {}

    /** The AES-GCM keyset in {@code file}, created with one fresh AES-256-GCM key if the file does not exist. */
    public static KeysetHandle loadOrCreateCipherKeyset(Path file) {
        KeysetHandle keyset = Files.exists(file) ? load(file) : createAt(file, PanCipher.newKeyset());
        requireKeyType(keyset, AesGcmKey.class, "AES-GCM", file);
        return keyset;
    }

    /** The HMAC-PRF keyset in {@code file}, created with one fresh HMAC-SHA256 key if the file does not exist. */
    public static KeysetHandle loadOrCreateFingerprintKeyset(Path file) {
        KeysetHandle keyset = Files.exists(file) ? load(file) : createAt(file, PanFingerprint.newKeyset());
        requireKeyType(keyset, HmacPrfKey.class, "HMAC-PRF", file);
        return keyset;
    }

    /**
     * The keyset in {@code file}.
     *
     * @throws IllegalStateException if the file is readable by others than its owner, too large, or not a Tink
     *     JSON keyset
     * @throws UncheckedIOException if the file cannot be read
     */
    public static KeysetHandle load(Path file) {
        Objects.requireNonNull(file, "file");
        Tink.ready();
        String json;
        try {
            requireOwnerOnly(file);
            long size = Files.size(file);
            if (size > KEYSET_FILE_BYTES_MAX) {
                throw new IllegalStateException("keyset file " + file + " has " + size + " bytes, more than "
                        + KEYSET_FILE_BYTES_MAX + "; it is not a vault keyset");
            }
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read keyset file " + file, e);
        }
        try {
            return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException | RuntimeException e) {
            // The cause is left out on purpose: a parser's message may quote the file, and the file holds keys.
            throw new IllegalStateException("keyset file " + file + " is not a Tink JSON keyset ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * Writes {@code keyset} to {@code file} as Tink JSON, owner-only (0600) where the file system has POSIX
     * permissions. The bytes go to a temporary file in the same directory, are forced to disk, and then replace
     * {@code file} in one atomic rename, so a crash never leaves half a keyset.
     */
    public static void save(KeysetHandle keyset, Path file) {
        Objects.requireNonNull(keyset, "keyset");
        Objects.requireNonNull(file, "file");
        Tink.ready();
        String json;
        try {
            json = TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot serialize keyset for " + file, e);
        }
        Path directory = file.toAbsolutePath().getParent();
        Path temporary = null;
        try {
            temporary = posix(directory)
                    ? Files.createTempFile(directory, ".keyset-", ".tmp", ownerOnlyAttribute())
                    : Files.createTempFile(directory, ".keyset-", ".tmp");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(StandardCharsets.UTF_8.encode(json));
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temporary = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write keyset file " + file, e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // The write already failed and is reported; a leftover temporary file is secondary.
                }
            }
        }
    }

    /** Throws unless every key in {@code keyset} is a {@code type}, so a keyset cannot serve the wrong purpose. */
    static void requireKeyType(KeysetHandle keyset, Class<? extends Key> type, String typeName) {
        requireKeyType(keyset, type, typeName, null);
    }

    private static void requireKeyType(KeysetHandle keyset, Class<? extends Key> type, String typeName, Path file) {
        for (int i = 0; i < keyset.size(); i++) {
            Key key = keyset.getAt(i).getKey();
            if (!type.isInstance(key)) {
                String where = file == null ? "keyset" : "keyset file " + file;
                throw new IllegalStateException(where + " holds a " + key.getClass().getSimpleName()
                        + " key; expected " + typeName + " keys only");
            }
        }
    }

    private static KeysetHandle createAt(Path file, KeysetHandle keyset) {
        save(keyset, file);
        return keyset;
    }

    private static void requireOwnerOnly(Path file) throws IOException {
        if (!posix(file)) return;
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (!OWNER_ONLY.containsAll(permissions)) {
            throw new IllegalStateException("keyset file " + file + " has permissions "
                    + PosixFilePermissions.toString(permissions) + "; it holds secret keys and must be 0600"
                    + " (rw-------)");
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<Set<PosixFilePermission>> ownerOnlyAttribute() {
        return PosixFilePermissions.asFileAttribute(OWNER_ONLY);
    }
}
