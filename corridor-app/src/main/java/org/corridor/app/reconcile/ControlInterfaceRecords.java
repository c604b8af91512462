package org.corridor.app.reconcile;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.corridor.core.reconciliation.IssuerRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The issuer simulator's records read through its control interface ({@code GET /banks}, then
 * {@code GET /banks/{id}/entries} for each bank): what a network's clearing files would hand a switch.
 */
final class ControlInterfaceRecords {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ControlInterfaceRecords() {}

    /** Every record of every bank behind {@code control}. */
    static List<IssuerRecord> read(URI control) throws IOException, InterruptedException {
        List<IssuerRecord> records = new ArrayList<>();
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()) {
            for (JsonNode bank : get(client, control, "/banks").path("banks")) {
                String bankId = bank.path("id").asString();
                for (JsonNode entry : get(client, control, "/banks/" + bankId + "/entries").path("entries")) {
                    records.add(new IssuerRecord(bankId, kind(entry.path("kind").asString()),
                            entry.path("retrieval_reference").asString(), entry.path("amount").asLong(),
                            entry.path("currency").asString(""), entry.path("response_code").asString(),
                            entry.path("at_nanos").asLong()));
                }
            }
        }
        return records;
    }

    private static IssuerRecord.Kind kind(String kind) {
        return switch (kind) {
            case "authorization", "purchase" -> IssuerRecord.Kind.AUTHORIZATION;
            case "reversal" -> IssuerRecord.Kind.REVERSAL;
            case "reversal_unmatched" -> IssuerRecord.Kind.REVERSAL_UNMATCHED;
            default -> throw new IllegalArgumentException("an issuer record of unknown kind: " + kind);
        };
    }

    private static JsonNode get(HttpClient client, URI control, String path) throws IOException, InterruptedException {
        HttpResponse<String> reply = client.send(HttpRequest.newBuilder(control.resolve(path)).timeout(TIMEOUT).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != 200) throw new IOException("GET " + path + " answered " + reply.statusCode());
        return JSON.readTree(reply.body());
    }
}
