package org.corridor.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.crypto.tink.KeysetHandle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class VaultKeysTest {
    private static final Pan PAN = Pan.of(TestCards.VISA);
    private static final byte[] ROW = "card:0001".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path directory;

    @Test
    void createsOnFirstUseAndLoadsTheSameKeysLater() throws IOException {
        Path file = directory.resolve("pan-cipher.json");
        PanCipher created = PanCipher.of(VaultKeys.loadOrCreateCipherKeyset(file));
        assertThat(file).exists();
        if (posix()) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        byte[] ciphertext = created.encrypt(PAN, ROW);

        PanCipher loaded = PanCipher.of(VaultKeys.loadOrCreateCipherKeyset(file));
        assertThat(loaded.primaryKeyId()).isEqualTo(created.primaryKeyId());
        assertThat(loaded.decrypt(ciphertext, ROW)).isEqualTo(PAN);
    }

    @Test
    void rotatedKeysetRoundTripsThroughTheFile() {
        Path file = directory.resolve("pan-cipher.json");
        PanCipher cipher = PanCipher.of(VaultKeys.loadOrCreateCipherKeyset(file));
        byte[] old = cipher.encrypt(PAN, ROW);
        cipher.rotate();
        VaultKeys.save(cipher.keyset(), file);

        PanCipher loaded = PanCipher.of(VaultKeys.load(file));
        assertThat(loaded.keyset().size()).isEqualTo(2);
        assertThat(loaded.primaryKeyId()).isEqualTo(cipher.primaryKeyId());
        assertThat(loaded.decrypt(old, ROW)).isEqualTo(PAN);
        assertThat(PanCipher.keyIdOf(loaded.encrypt(PAN, ROW))).isEqualTo(cipher.primaryKeyId());
    }

    @Test
    void fingerprintKeysetRoundTripsThroughTheFile() {
        Path file = directory.resolve("pan-fingerprint.json");
        String before = PanFingerprint.of(VaultKeys.loadOrCreateFingerprintKeyset(file)).fingerprintOf(PAN);
        String after = PanFingerprint.of(VaultKeys.loadOrCreateFingerprintKeyset(file)).fingerprintOf(PAN);
        assertThat(after).isEqualTo(before);
    }

    @Test
    void refusesAFileThatIsNotAKeyset() throws IOException {
        Path file = directory.resolve("pan-cipher.json");
        writeOwnerOnly(file, "{\"primaryKeyId\": 1, \"key\": [ {\"oops\"");
        assertThatThrownBy(() -> VaultKeys.loadOrCreateCipherKeyset(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is not a Tink JSON keyset")
                .hasNoCause();

        writeOwnerOnly(file, "not json at all");
        assertThatThrownBy(() -> VaultKeys.load(file)).hasMessageContaining("is not a Tink JSON keyset");
        writeOwnerOnly(file, "");
        assertThatThrownBy(() -> VaultKeys.load(file)).hasMessageContaining("is not a Tink JSON keyset");
    }

    @Test
    void refusesATruncatedKeysetFile() throws IOException {
        Path file = directory.resolve("pan-cipher.json");
        VaultKeys.loadOrCreateCipherKeyset(file);
        String json = Files.readString(file);
        writeOwnerOnly(file, json.substring(0, json.length() / 2));
        assertThatThrownBy(() -> VaultKeys.load(file)).hasMessageContaining("is not a Tink JSON keyset");
    }

    @Test
    void refusesAKeysetOfTheOtherKind() {
        Path file = directory.resolve("keys.json");
        VaultKeys.loadOrCreateFingerprintKeyset(file);
        assertThatThrownBy(() -> VaultKeys.loadOrCreateCipherKeyset(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("expected AES-GCM keys only");
    }

    @Test
    void refusesAKeysetFileReadableByOthers() throws IOException {
        assumeTrue(posix());
        Path file = directory.resolve("pan-cipher.json");
        VaultKeys.loadOrCreateCipherKeyset(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> VaultKeys.load(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must be 0600");
    }

    private boolean posix() {
        return directory.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private void writeOwnerOnly(Path file, String content) throws IOException {
        Files.writeString(file, content);
        if (posix()) Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
}
