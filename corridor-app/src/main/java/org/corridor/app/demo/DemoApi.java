package org.corridor.app.demo;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.corridor.sim.wallet.ApiReply;
import org.corridor.sim.wallet.ApiResult;
import org.corridor.sim.wallet.ApiTransport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo's calls to the public API, as any participant makes them: a set-up step must succeed (else the run
 * stops, since nothing after it could work); a payment step's answer, whatever it is, is counted.
 */
final class DemoApi {
    private final ApiTransport transport;

    DemoApi(ApiTransport transport) {
        this.transport = transport;
    }

    ApiTransport transport() {
        return transport;
    }

    /** POSTs a body made of {@code fields} (name, value, name, value...), for a payment step. */
    ApiReply post(String key, String path, Object... fields) throws IOException {
        return transport.post(path, key, body(fields));
    }

    ApiReply get(String key, String path) throws IOException {
        return transport.get(path, key);
    }

    /** A set-up POST that must answer 200; returns the body. */
    JsonNode setUp(String step, String key, String path, Object... fields) throws IOException {
        return mustSucceed(step, post(key, path, fields));
    }

    /** A set-up GET that must answer 200; returns the body. */
    JsonNode read(String step, String key, String path) throws IOException {
        return mustSucceed(step, get(key, path));
    }

    private static JsonNode mustSucceed(String step, ApiReply reply) {
        if (!reply.ok()) {
            throw new IllegalStateException(step + " answered " + reply.status() + " " + ApiResult.of(reply).outcome());
        }
        return reply.body();
    }

    /** A JSON object of {@code fields}: name, value, name, value... (maps and lists nest). */
    static ObjectNode body(Object... fields) {
        if (fields.length % 2 != 0) throw new IllegalArgumentException("fields come in name, value pairs");
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) map.put((String) fields[i], fields[i + 1]);
        return JsonMapper.shared().valueToTree(map);
    }

    /** A label for a payment step's answer: {@code succeeded}, {@code insufficient_funds}, {@code card_declined/05}. */
    static String outcome(ApiReply reply) {
        return ApiResult.of(reply).outcome();
    }
}
