package org.corridor.api.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.corridor.core.money.Fees;
import org.corridor.core.participant.ParticipantRole;
import org.corridor.core.payment.PaymentIntentStatus;
import org.corridor.core.port.ObjectReader;
import org.corridor.core.state.IdempotencyKey;
import org.corridor.core.state.ObjectIds;
import org.corridor.core.webhook.DeliveryStatus;
import org.corridor.core.webhook.EventTypes;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The document's enumerations and limits are the core's, so that a new status or type cannot go undocumented. */
class VocabularyContractTest {
    private static final OpenApiDocument DOCUMENT = OpenApiDocument.load();

    @Test
    void theEnumerationsAreTheCoresOwn() {
        assertThat(enumOf(DOCUMENT.schema("PaymentIntentStatus"))).containsExactlyElementsOf(
                wireNames(PaymentIntentStatus.values()));
        assertThat(enumOf(DOCUMENT.schema("ParticipantRole"))).containsExactlyElementsOf(
                wireNames(ParticipantRole.values()));
        assertThat(enumOf(DOCUMENT.schema("ParticipantRoleParam"))).containsExactlyElementsOf(
                wireNames(Arrays.stream(ParticipantRole.values()).filter(role -> role != ParticipantRole.OPERATOR)
                        .toArray(Enum[]::new)));
        assertThat(enumOf(DOCUMENT.schema("DeliveryStatus"))).containsExactlyElementsOf(
                wireNames(DeliveryStatus.values()));
        assertThat(enumOf(DOCUMENT.schema("EventType"))).containsExactlyElementsOf(EventTypes.KNOWN);
        assertThat(DOCUMENT.schema("CreateWebhookEndpointRequest").at("/properties/enabled_events/maxItems").intValue())
                .as("each known type once, or '*'").isEqualTo(EventTypes.KNOWN.size() + 1);
    }

    @Test
    void theLimitsAreTheCoresOwn() {
        JsonNode parameters = DOCUMENT.root().at("/components/parameters");
        assertThat(parameters.at("/Limit/schema/maximum").intValue()).isEqualTo(ObjectReader.PAGE_LIMIT_MAX);
        assertThat(parameters.at("/StartingAfter/schema/maxLength").intValue()).isEqualTo(ObjectIds.ID_CHARS_MAX);
        assertThat(parameters.at("/IdempotencyKey/schema/maxLength").intValue())
                .isEqualTo(IdempotencyKey.KEY_CHARS_MAX);
        assertThat(DOCUMENT.schema("PathId").get("maxLength").intValue()).isEqualTo(ObjectIds.ID_CHARS_MAX);
        assertThat(DOCUMENT.schema("CreateParticipantRequest").at("/properties/fee_basis_points/maximum").intValue())
                .isEqualTo(Fees.BASIS_POINTS_MAX);
    }

    private static List<String> enumOf(JsonNode schema) {
        return schema.get("enum").valueStream().map(JsonNode::asString).toList();
    }

    private static List<String> wireNames(Enum<?>[] values) {
        return Arrays.stream(values).map(value -> value.name().toLowerCase(Locale.ROOT)).toList();
    }
}
