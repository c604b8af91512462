package org.corridor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Pages beside the API: form posts reach them, the API still takes JSON only, and pages stay out of /v1. */
@Timeout(30)
class PagesTest {
    private static final PageGroup FORM = pages -> pages
            .get("/page", ctx -> ctx.html("<p>" + Pages.requestId(ctx) + "</p>"))
            .post("/page", ctx -> ctx.html("got " + ctx.formParam("field")));

    @Test
    void aPageTakesAFormPostAndShowsItsRequestIdWhileTheApiStillRefusesForms() {
        try (ApiServer server = new ApiServer("127.0.0.1", 0, List.of(new TestRoutes()), AccessPolicy.PUBLIC_ONLY, NodeProbe.NONE,
                List.of(FORM)).start()) {
            ApiClient client = new ApiClient(server);
            HttpResponse<String> page = client.get("/page");
            assertThat(page.body()).isEqualTo("<p>" + page.headers().firstValue("Request-Id").orElseThrow() + "</p>");

            HttpResponse<String> posted = client.send(client.request("/page")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("field=a+b")).build());
            assertThat(posted.statusCode()).isEqualTo(200);
            assertThat(posted.body()).isEqualTo("got a b");

            HttpResponse<String> api = client.send(client.request("/v1/test/echo")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("field=a")).build());
            assertThat(api.statusCode()).isEqualTo(415);
            assertThat(server.routes()).contains(new Route("GET", "/page"), new Route("POST", "/page"));
        }
    }

    @Test
    void aPageCannotTakeAVersionedPath() {
        PageGroup intruder = pages -> pages.get("/v1/payment_intents", ctx -> ctx.result("mine"));
        assertThatThrownBy(() -> new ApiServer("127.0.0.1", 0, List.of(), AccessPolicy.PUBLIC_ONLY, NodeProbe.NONE,
                List.of(intruder)))
                .hasStackTraceContaining("pages live outside the versioned API");
    }
}
