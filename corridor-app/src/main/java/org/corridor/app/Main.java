package org.corridor.app;

import org.corridor.app.bench.BenchCommand;
import org.corridor.app.demo.DemoCommand;
import org.corridor.app.issuer.IssuerSimCommand;
import org.corridor.app.ledger.LedgerCommand;
import org.corridor.app.reconcile.ReconcileCommand;
import org.corridor.app.serve.ServeCommand;
import org.corridor.app.vault.VaultCommand;
import org.corridor.app.wallet.WalletSimCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code corridor} launcher. */
@Command(
        name = "corridor",
        mixinStandardHelpOptions = true,
        version = "Corridor 0.1.0",
        description = "A cross-border mobile payment switch over one double-entry ledger.",
        subcommands = {DemoCommand.class, LedgerCommand.class, BenchCommand.class, ServeCommand.class,
                IssuerSimCommand.class, WalletSimCommand.class, VaultCommand.class, ReconcileCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new Main());
        System.exit(commandLine.execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
