package org.corridor.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which Content-Type values count as a UTF-8 JSON body, one line per case. */
class RequestBodyChecksTest {
    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "application/json                          | true",
        "APPLICATION/JSON                          | true",
        "application/json;charset=utf-8            | true",
        "application/json; charset=UTF-8           | true",
        "application/json; charset=\"utf-8\"       | true",
        "application/json; boundary=x              | true",
        "application/json; charset=iso-8859-1      | false",
        "application/json; charset=utf-16          | false",
        "application/jsonp                         | false",
        "application/problem+json                  | false",
        "text/json                                 | false",
        "text/plain                                | false",
        "multipart/form-data; boundary=x           | false",
        "NULL                                      | false",
    })
    void recognisesJson(String contentType, boolean json) {
        assertThat(RequestBodyChecks.isUtf8Json(contentType)).isEqualTo(json);
    }
}
