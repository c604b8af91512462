package org.corridor.app.ledger;

import picocli.CommandLine.Command;

/** {@code corridor ledger ...}: operator commands on the ledger. */
@Command(name = "ledger", description = "Operator commands on the ledger.", mixinStandardHelpOptions = true,
        subcommands = {LedgerVerifyCommand.class, LedgerAccountCommand.class})
public final class LedgerCommand {}
