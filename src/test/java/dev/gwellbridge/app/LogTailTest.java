package dev.gwellbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gwellbridge.config.Secrets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LogTailTest {
    private static final Logger LOG = LoggerFactory.getLogger(LogTailTest.class);
    private LogTail tail;

    @AfterEach
    void detach() {
        if (tail != null) {
            tail.uninstall();
        }
    }

    @Test
    void keepsTheNewestLinesUpToItsCapacity() {
        tail = LogTail.install(3);
        for (int i = 1; i <= 5; i++) {
            LOG.info("line {}", i);
        }
        assertThat(tail.lines()).hasSize(3);
        assertThat(tail.lines().get(0)).endsWith("LogTailTest - line 3");
        assertThat(tail.lines().get(2)).contains(" INFO [").endsWith("line 5");
    }

    @Test
    void masksSecretsEvenWhenRegisteredAfterTheLineWasLogged() {
        tail = LogTail.install(10);
        LOG.warn("token tail-secret-77c1 rejected", new IllegalStateException("tail-secret-88d2 leaked"));
        Secrets.register("tail-secret-77c1");
        Secrets.register("tail-secret-88d2");
        assertThat(tail.lines()).singleElement().satisfies(l -> {
            assertThat(l).contains("token *** rejected").contains("IllegalStateException: ***");
            assertThat(l).doesNotContain("tail-secret");
        });
    }
}
