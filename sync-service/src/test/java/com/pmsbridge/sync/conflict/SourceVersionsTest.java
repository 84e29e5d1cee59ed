package com.pmsbridge.sync.conflict;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SourceVersionsTest {

    @Test
    void givenInstants_whenCompared_thenChronological() {
        assertThat(SourceVersions.compare("2026-11-23T09:00:00Z", "2026-11-23T10:00:00Z"))
                .isNegative();
        assertThat(SourceVersions.compare("2026-11-23T10:00:00.500Z", "2026-11-23T10:00:00Z"))
                .isPositive();
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

    @Test
    void givenUtcTimesWrittenAlike_whenCompared_thenTextOrderMatchesParsedOrder() {
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            Instant x = Instant.ofEpochMilli(1_700_000_000_000L + random.nextInt(1_000_000_000));
            Instant y =
                    random.nextBoolean() ? x : Instant.ofEpochMilli(x.toEpochMilli() + random.nextInt(2_000) - 1_000);
            String a = x.truncatedTo(ChronoUnit.SECONDS).toString();
            String b = y.truncatedTo(ChronoUnit.SECONDS).toString();
            assertThat(SourceVersions.sameUtcShape(a, b)).isTrue();
            assertThat(SourceVersions.compare(a, b))
                    .isEqualTo(Integer.signum(
                            x.truncatedTo(ChronoUnit.SECONDS).compareTo(y.truncatedTo(ChronoUnit.SECONDS))));
        }
    }

    @Test
    void givenTimesWrittenDifferently_whenCompared_thenParsedNotTextOrder() {
        // text order would put "…00.5Z" before "…00Z" ('.' < 'Z'); only times written alike take the text path
        assertThat(SourceVersions.sameUtcShape("2026-11-23T10:00:00.5Z", "2026-11-23T10:00:00Z"))
                .isFalse();
        assertThat(SourceVersions.compare("2026-11-23T10:00:00.5Z", "2026-11-23T10:00:00Z"))
                .isPositive();
        assertThat(SourceVersions.sameUtcShape("2026-11-23T10:00:00+01:00", "2026-11-23T10:00:00+02:00"))
                .isFalse();
        assertThat(SourceVersions.compare("2026-11-23T10:00:00+01:00", "2026-11-23T09:30:00+02:00"))
                .isPositive();
        assertThat(SourceVersions.sameUtcShape("12345678901234567890", "12345678901234567891"))
                .isFalse();
    }
}
