package dev.gwellbridge.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gwellbridge.config.Secrets;
import io.javalin.json.JavalinJackson;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void registeredSecretsAreMaskedInValuesNamesAndArrays() {
        Secrets.register("sekrit-json-4471");
        ObjectNode n = Json.object();
        n.put("message", "token sekrit-json-4471 expired");
        n.putObject("nested").put("sekrit-json-4471", "as a name");
        n.putArray("lines").add("a").add("x sekrit-json-4471 y");
        n.put("count", 3);

        String out = Json.write(n);

        assertThat(out)
                .isEqualTo("{\"message\":\"token *** expired\",\"nested\":{\"***\":\"as a name\"},"
                        + "\"lines\":[\"a\",\"x *** y\"],\"count\":3}");
    }

    @Test
    void instantsAreIsoStringsOrNull() {
        assertThat(Json.instant(Instant.parse("2026-11-24T10:00:00Z")).asText()).isEqualTo("2026-11-24T10:00:00Z");
        assertThat(Json.instant(null).isNull()).isTrue();
    }

    @Test
    void javalinsJacksonMapperWorksWithOurJacksonVersion() {
        JavalinJackson mapper = new JavalinJackson(Json.MAPPER, false);

        String json = mapper.toJsonString(Map.of("at", Instant.parse("2026-11-24T10:00:00Z")), Map.class);
        Map<String, Object> back = mapper.fromJsonString("{\"a\":1}", Map.class);

        assertThat(json).isEqualTo("{\"at\":\"2026-11-24T10:00:00Z\"}");
        assertThat(back).containsEntry("a", 1);
    }
}
