package dev.gwellbridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test-side YAML reader must read the add-on's files exactly, or the consistency test lies. */
class MiniYamlTest {

    @Test
    void readsNestedMapsListsAndScalars() {
        Map<String, Object> doc = MiniYaml.parseMap("""
                # leading comment
                name: Wyze GWell Bridge
                version: "0.1.0"
                arch:
                  - amd64
                  - aarch64
                watchdog: http://[HOST]:[PORT:8097]/healthz   # trailing comment
                empty: []
                flow: [a, 'b c']
                map:
                  - type: addon_config
                    read_only: false
                  - type: media
                schema:
                  mqtt:
                    host: str?
                  cameras:
                    - mac: match(^[A-Za-z0-9_]{12,40}$)
                      name: str?
                  none:
                """);
        assertThat(doc)
                .containsEntry("name", "Wyze GWell Bridge")
                .containsEntry("version", "0.1.0")
                .containsEntry("arch", List.of("amd64", "aarch64"))
                .containsEntry("watchdog", "http://[HOST]:[PORT:8097]/healthz")
                .containsEntry("empty", List.of())
                .containsEntry("flow", List.of("a", "b c"))
                .containsEntry(
                        "map", List.of(Map.of("type", "addon_config", "read_only", "false"), Map.of("type", "media")));
        @SuppressWarnings("unchecked")
        Map<String, Object> schema = (Map<String, Object>) doc.get("schema");
        assertThat(schema.get("mqtt")).isEqualTo(Map.of("host", "str?"));
        assertThat(schema.get("cameras"))
                .isEqualTo(List.of(Map.of("mac", "match(^[A-Za-z0-9_]{12,40}$)", "name", "str?")));
        assertThat(schema).containsKey("none");
        assertThat(schema.get("none")).isNull();
    }

    @Test
    void readsFoldedAndLiteralBlockScalars() {
        Map<String, Object> doc = MiniYaml.parseMap("""
                description: >-
                  Local RTSP/HLS for Wyze GWell cameras,
                  with MQTT discovery # not a comment here

                  Second paragraph.
                literal: |
                  line one
                  line two
                after: "x: y # z"
                """);
        assertThat(doc)
                .containsEntry(
                        "description",
                        "Local RTSP/HLS for Wyze GWell cameras, with MQTT discovery # not a comment here\n"
                                + "Second paragraph.")
                .containsEntry("literal", "line one\nline two\n")
                .containsEntry("after", "x: y # z");
    }

    @Test
    void keepsApostrophesInPlainTextAndCutsTheCommentAfterThem() {
        Map<String, Object> doc = MiniYaml.parseMap("description: Wyze's console # note\n'8097/tcp': page\n");
        assertThat(doc).containsEntry("description", "Wyze's console").containsEntry("8097/tcp", "page");
    }

    @Test
    void refusesWhatItDoesNotUnderstand() {
        assertThatThrownBy(() -> MiniYaml.parse("a: 1\n  b: 2\n")).hasMessageContaining("line 2");
        assertThatThrownBy(() -> MiniYaml.parse("a: 1\na: 2\n")).hasMessageContaining("duplicate key a");
        assertThatThrownBy(() -> MiniYaml.parse("a: {b: 1}\n")).hasMessageContaining("unsupported");
        assertThatThrownBy(() -> MiniYaml.parse("a:\n\tb: 1\n")).hasMessageContaining("tab");
        assertThatThrownBy(() -> MiniYaml.parse("just text\n")).hasMessageContaining("expected 'key: value'");
    }
}
