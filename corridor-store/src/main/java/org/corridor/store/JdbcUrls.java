package org.corridor.store;

import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Pattern;
import org.postgresql.Driver;

/** Reading the parts of a JDBC URL the store cares about, and printing URLs without their passwords. */
final class JdbcUrls {
    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");
    private static final String SQLITE_FILE_PREFIX = "file:";

    private JdbcUrls() {}

    /** The URL with any {@code password=} value masked, fit for an error message or a log line. */
    static String redact(String jdbcUrl) {
        return jdbcUrl == null ? "null" : PASSWORD.matcher(jdbcUrl).replaceAll("$1***");
    }

    /**
     * The file a {@code jdbc:sqlite:} URL names.
     *
     * @throws IllegalArgumentException for an in-memory or otherwise file-less database, which is not durable
     */
    static Path sqliteFile(String jdbcUrl) {
        String rest = jdbcUrl.substring(DatabaseKind.SQLITE.urlPrefix().length());
        int query = rest.indexOf('?');
        String file = query < 0 ? rest : rest.substring(0, query);
        if (file.startsWith(SQLITE_FILE_PREFIX)) {
            file = file.substring(SQLITE_FILE_PREFIX.length());
        }
        if (file.isBlank() || file.startsWith(":") || jdbcUrl.contains("mode=memory")) {
            throw new IllegalArgumentException("SQLite URL '" + redact(jdbcUrl)
                    + "' names no file: an in-memory ledger is not durable; use jdbc:sqlite:<path>");
        }
        return Path.of(file);
    }

    /**
     * The first schema of a PostgreSQL URL's {@code currentSchema} parameter, or null when it has none.
     *
     * @throws IllegalArgumentException when pgjdbc cannot parse the URL
     */
    static String postgresqlSchema(String jdbcUrl) {
        Properties parsed = Driver.parseURL(jdbcUrl, null);
        if (parsed == null) {
            throw new IllegalArgumentException("malformed PostgreSQL URL '" + redact(jdbcUrl)
                    + "': expected jdbc:postgresql://<host>:<port>/<database>?<parameters>");
        }
        String schemas = parsed.getProperty("currentSchema");
        if (schemas == null || schemas.isBlank()) {
            return null;
        }
        return schemas.split(",", -1)[0].strip();
    }
}
