package org.corridor.app.bench;

import picocli.CommandLine.Command;

/** {@code corridor bench ...}: benchmarks. */
@Command(name = "bench", description = "Benchmarks (not tests): print figures and one JSON line per case.",
        mixinStandardHelpOptions = true, subcommands = {LedgerBenchCommand.class, ApiBenchCommand.class,
                CardBenchCommand.class})
public final class BenchCommand {}
