package org.corridor.store.writer;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.corridor.core.Id128;
import org.corridor.core.ledger.CreateTransferResult;
import org.corridor.core.ledger.Transfer;

/**
 * What the crash load submitted and what it was told, written line by line as it happens so that a
 * SIGKILL leaves at most the last line torn. {@code S} lines come before a command is submitted,
 * {@code A} lines after its acknowledgement.
 */
final class CrashJournal implements AutoCloseable {
    private final FileOutputStream out;

    CrashJournal(Path file) throws IOException {
        out = new FileOutputStream(file.toFile(), true);
    }

    synchronized void submitted(String command, List<Transfer> transfers) {
        StringBuilder line = new StringBuilder("S ").append(command).append(' ');
        for (int i = 0; i < transfers.size(); i++) {
            if (i > 0) line.append('|');
            line.append(encode(transfers.get(i)));
        }
        write(line.append('\n').toString());
    }

    synchronized void acknowledged(String command, List<CreateTransferResult> results) {
        List<String> names = results.stream().map(Enum::name).toList();
        write("A " + command + " " + String.join(",", names) + "\n");
    }

    private void write(String line) {
        try {
            // Unbuffered: each line reaches the kernel before the next step, so a SIGKILL cannot lose it.
            out.write(line.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** A command as read back: its transfers, and its results if it was acknowledged. */
    record Entry(List<Transfer> transfers, List<CreateTransferResult> results) {}

    /** Reads a journal, ignoring a torn last line. */
    static Map<String, Entry> read(Path file) throws IOException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
            String[] parts = line.split(" ");
            if (parts.length != 3) continue;
            try {
                if (parts[0].equals("S")) {
                    List<Transfer> transfers = new ArrayList<>();
                    for (String encoded : parts[2].split("\\|")) transfers.add(decode(encoded));
                    entries.put(parts[1], new Entry(transfers, null));
                } else if (parts[0].equals("A") && entries.containsKey(parts[1])) {
                    List<CreateTransferResult> results = new ArrayList<>();
                    for (String name : parts[2].split(",")) results.add(CreateTransferResult.valueOf(name));
                    Entry submitted = entries.get(parts[1]);
                    if (results.size() == submitted.transfers().size()) {
                        entries.put(parts[1], new Entry(submitted.transfers(), results));
                    }
                }
            } catch (IllegalArgumentException torn) {
                // The process was killed while writing this line; the command counts as unacknowledged.
            }
        }
        return entries;
    }

    private static String encode(Transfer t) {
        return String.join(",", t.id().toString(), t.debitAccountId().toString(), t.creditAccountId().toString(),
                Long.toString(t.amount()), t.pendingId().toString(), t.userData().toString(),
                Integer.toString(t.timeoutSeconds()), Integer.toString(t.ledger()), Integer.toString(t.code()),
                Integer.toString(t.flags()));
    }

    private static Transfer decode(String encoded) {
        String[] f = encoded.split(",");
        if (f.length != 10) throw new IllegalArgumentException("torn transfer");
        return new Transfer(Id128.parse(f[0]), Id128.parse(f[1]), Id128.parse(f[2]), Long.parseLong(f[3]),
                Id128.parse(f[4]), Id128.parse(f[5]), Integer.parseInt(f[6]), Integer.parseInt(f[7]),
                Integer.parseInt(f[8]), Integer.parseInt(f[9]), 0);
    }
}
