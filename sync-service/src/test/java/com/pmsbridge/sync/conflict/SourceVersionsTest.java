package com.pmsbridge.sync.conflict;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SourceVersionsTest {

    @Test
    void givenInstants_whenCompared_thenChronological() {
        assertThat(SourceVersions.compare("2026-11-23T09:00:00Z", "2026-11-23T10:00:00Z")).isNegative();
        assertThat(SourceVersions.compare("2026-11-23T10:00:00.500Z", "2026-11-23T10:00:00Z")).isPositive();
    }

    @Test
    void givenNumbers_whenCompared_thenNumericNotLexicographic() {
        assertThat(SourceVersions.compare("9", "10")).isNegative();
        assertThat(SourceVersions.isOlder("9", "10")).isTrue();
    }

    @Test
    void givenNoCurrentVersion_whenCheckedForOlder_thenNot() {
        assertThat(SourceVersions.isOlder("1", null)).isFalse();
    }
}
