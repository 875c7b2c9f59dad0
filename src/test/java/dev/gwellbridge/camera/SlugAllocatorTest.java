package dev.gwellbridge.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SlugAllocatorTest {
    private static final CameraId A = CameraId.of("GW_GC1_0A1B2C3D4E5F");
    private static final CameraId B = CameraId.of("GW_BE1_AABBCCDD1234");
    private static final CameraId C = CameraId.of("GW_DUO_AABBCCDD5678");

    @Test
    void slugifyLowerCasesAndCollapsesRunsOfOtherCharacters() {
        assertThat(SlugAllocator.slugify("Front Door")).isEqualTo("front_door");
        assertThat(SlugAllocator.slugify("  Kid's room -- 2nd floor!! ")).isEqualTo("kid_s_room_2nd_floor");
        assertThat(SlugAllocator.slugify("Küche Café")).isEqualTo("kuche_cafe");
        assertThat(SlugAllocator.slugify("__garage__")).isEqualTo("garage");
        assertThat(SlugAllocator.slugify("!!!")).isEmpty();
    }

    @Test
    void collisionsGetTheLastFourOfTheMac() {
        SlugAllocator s = new SlugAllocator(Map.of());
        assertThat(s.assign(A, "Garage", "")).isEqualTo("garage");
        assertThat(s.assign(B, "garage", "")).isEqualTo("garage_1234");
        assertThat(s.assign(C, "GARAGE", "")).isEqualTo("garage_5678");
    }

    @Test
    void aSlugIsFrozenOnFirstSightAndSurvivesARename() {
        SlugAllocator s = new SlugAllocator(Map.of());
        assertThat(s.assign(A, "Front Door", "")).isEqualTo("front_door");
        assertThat(s.assign(A, "Porch", "")).isEqualTo("front_door");
        assertThat(s.frozen(A)).hasValue("front_door");
    }

    @Test
    void frozenSlugsFromTheStoreWinAndStayReservedForTheirCamera() {
        SlugAllocator s = new SlugAllocator(Map.of(A, "porch"));
        assertThat(s.assign(B, "Porch", ""))
                .as("A owns porch even while absent")
                .isEqualTo("porch_1234");
        assertThat(s.assign(A, "Something Else", "")).isEqualTo("porch");
    }

    @Test
    void anOverrideNameReplacesTheSlugWithoutUnfreezingIt() {
        SlugAllocator s = new SlugAllocator(Map.of());
        assertThat(s.assign(A, "Front Door", "Entrance")).isEqualTo("entrance");
        assertThat(s.frozen(A)).hasValue("front_door");
        assertThat(s.assign(B, "Yard", "front door"))
                .as("no stealing a frozen slug")
                .isEqualTo("front_door_1234");
    }

    @Test
    void emptySlugsFallBackToCamera() {
        SlugAllocator s = new SlugAllocator(Map.of());
        assertThat(s.assign(A, "???", "")).isEqualTo("camera");
        assertThat(s.assign(B, "***", "")).isEqualTo("camera_1234");
    }
}
