package org.corridor.app.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import org.corridor.app.node.SwitchNode;

/**
 * A Corridor node in a process of its own, for {@link PaymentCrashTest} to kill: starts on the given store, writes
 * its port and (on the first start) the operator key to a file, and serves until killed.
 */
public final class CrashNode {
    private CrashNode() {}

    public static void main(String[] args) throws Exception {
        String storeUrl = args[0];
        Path ready = Path.of(args[1]);
        SwitchNode node = SwitchNode.start(new SwitchNode.Settings(storeUrl, "127.0.0.1", 0, 1_000_000, false),
                InstantSource.system());
        Path partial = ready.resolveSibling(ready.getFileName() + ".tmp");
        Files.writeString(partial, node.api().port() + "\n" + node.operatorKey().orElse("") + "\n");
        Files.move(partial, ready);
        Thread.sleep(Long.MAX_VALUE);
    }
}
