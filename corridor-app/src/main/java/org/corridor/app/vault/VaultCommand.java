package org.corridor.app.vault;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.corridor.vault.VaultFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code corridor vault rotate}: adds a new primary key to the vault's cipher keyset. Ciphertexts under older keys
 * still open; the switch re-seals every stored PAN and token key under the new key when it next starts, a batch at a
 * time, and a start interrupted in the middle carries on at the following one.
 */
@Command(name = "vault", mixinStandardHelpOptions = true, description = "Manage the vault's keys.",
        subcommands = VaultCommand.Rotate.class)
public final class VaultCommand implements Runnable {
    @Override
    public void run() {
        System.err.println("corridor vault: name a subcommand (rotate); see --help");
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = "Add a new primary key to the PAN cipher keyset; restart the switch to re-seal stored cards under it.")
    static final class Rotate implements Callable<Integer> {
        @Option(names = "--vault-dir", paramLabel = "DIR", defaultValue = "data/vault",
                description = "The vault's keyset directory (default ${DEFAULT-VALUE}).")
        Path vaultDirectory;

        @Override
        public Integer call() {
            Path cipher = vaultDirectory.resolve(VaultFiles.CIPHER_FILE);
            if (!Files.exists(cipher)) {
                System.err.println("corridor vault rotate: no keyset at " + cipher + " (start the switch once first)");
                return 2;
            }
            int keyId = VaultFiles.rotateCipher(vaultDirectory);
            System.out.println("New primary key " + Integer.toUnsignedString(keyId) + " in " + cipher
                    + ". The switch re-seals every stored card and token key under it at its next start.");
            return 0;
        }
    }
}
