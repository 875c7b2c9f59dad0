package dev.gwellbridge.ha;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HaJsonTest {

    @Test
    void mapsAreWrittenWithSortedKeysAtEveryLevelAndNullsKept() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", 1);
        inner.put("a", null);
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("m", List.of(inner));
        outer.put("b", inner);

        assertThat(HaJson.text(outer)).isEqualTo("{\"b\":{\"a\":null,\"z\":1},\"m\":[{\"a\":null,\"z\":1}]}");
    }

    @Test
    void sameContentGivesSameBytesWhateverTheInsertionOrder() {
        Map<String, Object> x = new HashMap<>();
        Map<String, Object> y = new LinkedHashMap<>();
        for (String k : List.of("q", "w", "e", "r", "t", "y")) {
            x.put(k, k.length());
        }
        for (String k : List.of("y", "t", "r", "e", "w", "q")) {
            y.put(k, k.length());
        }

        assertThat(Arrays.equals(HaJson.bytes(x), HaJson.bytes(y))).isTrue();
    }

    @Test
    void readObjectAcceptsObjectsOnly() {
        assertThat(HaJson.readObject("{\"a\":1}".getBytes(StandardCharsets.UTF_8)))
                .contains(Map.of("a", 1));
        assertThat(HaJson.readObject("[1]".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(HaJson.readObject("ON".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void requestResponsesEchoTheTransactionOnlyWhenGiven() {
        RequestResponse r = new RequestResponse(Cameras.TOPICS);

        Publication ok = r.ok("announce", "t1", Map.of());
        Publication err = r.error("reboot", null, "Unknown action.", Map.of("reason", "unknown_action"));

        assertThat(ok.topic()).isEqualTo("wyzegw/bridge/response/announce");
        assertThat(ok.retain()).isFalse();
        assertThat(ok.qos()).isEqualTo(1);
        assertThat(ok.text()).isEqualTo("{\"data\":{},\"status\":\"ok\",\"transaction\":\"t1\"}");
        assertThat(err.text())
                .isEqualTo(
                        "{\"data\":{\"reason\":\"unknown_action\"},\"error\":\"Unknown action.\",\"status\":\"error\"}");
    }
}
