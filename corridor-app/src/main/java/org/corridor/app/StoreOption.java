package org.corridor.app;

import org.corridor.store.Stores;
import picocli.CommandLine.Option;

/** The {@code --store} option shared by every command that opens the ledger. */
public final class StoreOption {

    @Option(
            names = "--store",
            paramLabel = "JDBC_URL",
            description = "jdbc:sqlite:FILE (the default is ${DEFAULT-VALUE}) or a PostgreSQL URL such as "
                    + "jdbc:postgresql://127.0.0.1:5432/corridor?user=postgres")
    String url = Stores.DEFAULT_URL;

    public String url() {
        return url;
    }
}
