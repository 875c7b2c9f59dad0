package dev.gwellbridge.wire;

import static dev.gwellbridge.testkit.ReferenceVectors.bytes;
import static dev.gwellbridge.testkit.ReferenceVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gwellbridge.testkit.ReferenceVectors;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** discovery.json: server-list entries, lists, the 0x16 scan and the built-in tables (§7). */
class DiscoveryVectorsTest {

    @TestFactory
    Stream<DynamicTest> vectors() {
        return ReferenceVectors.each("discovery.json", DiscoveryVectorsTest::check);
    }

    @Test
    void builtInP2pServersMatchTheReferenceInProbingOrder() {
        JsonNode expected = ReferenceVectors.load("discovery.json").get("fallback_p2p_servers_in_order");
        List<String> want = new ArrayList<>();
        expected.forEach(s -> want.add(s.get("ip").asText() + ":"
                + s.get("port").asInt() + "#" + s.get("server_id").asInt()));
        assertThat(BuiltinServers.P2P_SERVERS).map(ServerAddress::toString).containsExactlyElementsOf(want);
    }

    @Test
    void builtInListServersMatchTheReference() {
        List<String> want = new ArrayList<>();
        ReferenceVectors.load("discovery.json").get("list_servers_udp").forEach(s -> want.add(s.asText()));
        assertThat(BuiltinServers.LIST_SERVERS).map(Ipv4Endpoint::toString).containsExactlyElementsOf(want);
    }

    private static void check(JsonNode v) throws FrameException {
        switch (v.get("kind").asText()) {
            case "server_entry_36" -> {
                byte[] entry = bytes(v.get("entry_hex"));
                ServerEntry e = ServerEntryCodec.decode(entry, 0);
                assertThat(e.ip()).hasToString(v.get("ip").asText());
                assertThat(e.port()).isEqualTo(v.get("port").asInt());
                assertThat(e.serverId()).isEqualTo(v.get("server_id").asInt());
                assertThat(e.ipVersion()).isEqualTo(v.get("ip_version").asInt());
                assertThat(hex(ServerEntryCodec.encode(e)))
                        .isEqualTo(v.get("entry_hex").asText());
            }
            case "server_list" -> assertParsed(ServerListCodec.decode(bytes(v.get("list_hex"))), v.get("parsed"));
            case "list_response_scan" ->
                assertParsed(ServerListCodec.scan(bytes(v.get("response_hex"))), v.get("parsed"));
            default -> throw new AssertionError("unknown kind " + v.get("kind"));
        }
    }

    private static void assertParsed(List<ServerEntry> entries, JsonNode parsed) {
        assertThat(entries).hasSize(parsed.size());
        for (int i = 0; i < parsed.size(); i++) {
            ServerEntry e = entries.get(i);
            JsonNode p = parsed.get(i);
            assertThat(e.ip()).hasToString(p.get("ip").asText());
            assertThat(e.port()).isEqualTo(p.get("port").asInt());
            assertThat(e.serverId()).isEqualTo(p.get("server_id").asInt());
        }
    }
}
