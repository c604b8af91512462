package org.corridor.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.corridor.gateway.TestCards;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BinRoutingConfigTest {

    @Test
    void aConfigWithHeaderCommentsBlankLinesAndCrlfLoads() throws Exception {
        String config = "prefix,network,link\r\n"
                + "# Visa issuers\r\n"
                + "411111,VISA,link-a\r\n"
                + "\r\n"
                + "  41111111 , VISA , link-b  \n"
                + "222100,MASTERCARD,link-mc\n"
                + "621234,UNIONPAY,link-cup";

        BinRoutingTable table = BinRoutingTable.loadFrom(new StringReader(config));

        assertThat(table.routes()).containsExactly(
                new BinRoute("411111", CardNetwork.VISA, "link-a"),
                new BinRoute("41111111", CardNetwork.VISA, "link-b"),
                new BinRoute("222100", CardNetwork.MASTERCARD, "link-mc"),
                new BinRoute("621234", CardNetwork.UNIONPAY, "link-cup"));
        assertThat(table.route(TestCards.VISA).orElseThrow().issuerLinkId()).isEqualTo("link-b");
        assertThat(table.route(TestCards.VISA_UNDER_411111_OTHER).orElseThrow().issuerLinkId()).isEqualTo("link-a");
    }

    @Test
    void anEmptyConfigLoadsAnEmptyTable() throws Exception {
        assertThat(BinRoutingTable.loadFrom(new StringReader("")).routes()).isEmpty();
        assertThat(BinRoutingTable.loadFrom(new StringReader("prefix,network,link\n# none yet\n")).routes()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        // config, lines separated by |;      line at fault; message
        "411111,VISA;                          1; line 1: expected 3 fields (prefix,network,link), found 2",
        "411111,VISA,link-a,extra;             1; line 1: expected 3 fields (prefix,network,link), found 4",
        "#c|411111,VISA,link-a|41111,VISA,b;   3; line 3: prefix must be 6 to 11 digits long",
        "411111x,VISA,link-a;                  1; line 1: prefix must be digits only",
        ",VISA,link-a;                         1; line 1: prefix is missing",
        "411111,AMEX,link-a;                   1; line 1: network must be one of VISA, MASTERCARD, UNIONPAY",
        "411111,visa,link-a;                   1; line 1: network must be one of VISA, MASTERCARD, UNIONPAY",
        "411111,MASTERCARD,link-a;             1; line 1: prefix lies outside the ranges of network MASTERCARD",
        "272100,MASTERCARD,link-a;             1; line 1: prefix lies outside the ranges of network MASTERCARD",
        "411111,VISA,;                         1; line 1: issuer link id is missing",
        "411111,VISA,link a;                   1; line 1: issuer link id must use only letters, digits, '.', '_' and '-'",
        "411111,VISA,a|520000,MASTERCARD,b|411111,VISA,c; 3; line 3: prefix already routed on line 1",
        "41111,AMEX,link-a;                    1; line 1: prefix must be 6 to 11 digits long",
    })
    void aFaultyLineIsReportedByItsNumber(String lines, int lineNumber, String message) {
        BinRoutingConfigException fault = loadFailure(lines.replace('|', '\n'));

        assertThat(fault.lineNumber()).isEqualTo(lineNumber);
        assertThat(fault).hasMessage(message);
    }

    @Test
    void aHeaderOnlyCountsAsTheFirstLine() {
        // On any later line it is an ordinary row, and its prefix is not digits.
        assertThat(loadFailure("#c\nprefix,network,link\n")).hasMessage("line 2: prefix must be digits only");
    }

    @Test
    void aLineLongerThanTheLimitIsRefusedBeforeItIsRead() throws Exception {
        String longest = "#" + "x".repeat(BinRoutingConfig.LINE_CHARS_MAX - 1);
        String tooLong = longest + "x";

        assertThat(BinRoutingTable.loadFrom(new StringReader("#c\n" + longest + "\r\n" + longest)).routes()).isEmpty();
        assertThat(loadFailure("#c\n" + longest + "\r\n#d\n" + tooLong + "\n"))
                .hasMessage("line 4: longer than 128 characters");
        assertThat(loadFailure("#c\n" + tooLong)).hasMessage("line 2: longer than 128 characters");
        assertThat(loadFailure("#" + "x".repeat(10_000))).hasMessage("line 1: longer than 128 characters");
    }

    @Test
    void aConfigWithMoreLinesThanTheLimitIsRefused() throws Exception {
        String atLimit = "#\n".repeat(BinRoutingConfig.LINES_MAX);
        assertThat(BinRoutingTable.loadFrom(new StringReader(atLimit)).routes()).isEmpty();

        assertThat(loadFailure(atLimit + "#\n")).hasMessage("line 200001: more than 200000 lines");
    }

    @Test
    void aConfigWithMoreRoutesThanTheLimitIsRefused() throws Exception {
        StringBuilder config = new StringBuilder();
        for (int i = 0; i < BinRoutingTable.ROUTES_MAX; i++) {
            config.append(400_000 + i).append(",VISA,link\n");
        }
        assertThat(BinRoutingTable.loadFrom(new StringReader(config.toString())).routes())
                .hasSize(BinRoutingTable.ROUTES_MAX);

        config.append("4000000,VISA,link\n");
        assertThat(loadFailure(config.toString())).hasMessage("line 100001: more than 100000 routes");
    }

    @Test
    void aCanaryPanNeverAppearsInAnyMessage() {
        String canary = TestCards.VISA_CANARY;
        String canaryBin = canary.substring(0, BinRoute.PREFIX_DIGITS_MAX);
        List<Throwable> faults = new ArrayList<>();
        for (String config : List.of(
                canary + ",VISA,link-a",
                canary,
                "411111,VISA," + canary + " x",
                "411111," + canary + ",link-a",
                "411111,VISA,link-a," + canary,
                canary + "x,VISA,link-a",
                canary.repeat(10) + ",VISA,link-a",
                "4929381,VISA,a\n" + canaryBin + ",VISA,b\n" + canaryBin + ",VISA,c",
                canaryBin + ",MASTERCARD,link-a")) {
            faults.add(loadFailure(config));
        }
        faults.add(catchThrowable(() -> new BinRoute(canary, CardNetwork.VISA, "link-a")));
        faults.add(catchThrowable(() -> new BinRoute(canaryBin, CardNetwork.UNIONPAY, canary)));
        faults.add(catchThrowable(() -> CardNetwork.ofPan(canary + "0000")));
        faults.add(catchThrowable(() -> CardNetwork.ofPan(canary + "-")));
        BinRoutingTable table = BinRoutingTable.of(List.of(new BinRoute(canaryBin, CardNetwork.VISA, "link-a")));
        faults.add(catchThrowable(() -> table.route(canary + "0000")));
        faults.add(catchThrowable(() -> table.route(canary + " ")));

        assertThat(faults).hasSize(15).allSatisfy(fault -> {
            assertThat(fault).isNotNull();
            assertThat(fault.getMessage()).doesNotContain(canary).doesNotContain(canaryBin);
            assertThat(fault.toString()).doesNotContain(canary).doesNotContain(canaryBin);
        });
        assertThat(table.toString()).doesNotContain(canaryBin);
    }

    private static BinRoutingConfigException loadFailure(String config) {
        Throwable fault = catchThrowable(() -> BinRoutingTable.loadFrom(new StringReader(config)));
        assertThat(fault).isInstanceOf(BinRoutingConfigException.class);
        return (BinRoutingConfigException) fault;
    }
}
