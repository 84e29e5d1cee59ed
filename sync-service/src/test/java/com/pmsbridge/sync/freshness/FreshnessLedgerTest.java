package com.pmsbridge.sync.freshness;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FreshnessLedgerTest {

    @Test
    void givenAnyDuration_whenBucketed_thenTheBucketsUpperBoundIsAtMost19PercentAboveIt() {
        for (long millis : new long[] {2, 10, 250, 999, 1_000, 4_321, 60_000, 3_600_000}) {
            double upper = FreshnessLedger.upperMillis(FreshnessLedger.bucketOf(millis));
            assertThat(upper).as("%d ms", millis).isGreaterThanOrEqualTo(millis).isLessThanOrEqualTo(millis * 1.19);
        }
    }

    @Test
    void givenAYearOrNothing_whenBucketed_thenTheEndBucketsHoldThem() {
        assertThat(FreshnessLedger.bucketOf(0)).isZero();
        assertThat(FreshnessLedger.bucketOf(365L * 24 * 3600 * 1000)).isEqualTo(FreshnessLedger.BUCKETS - 1);
    }

    @Test
    void givenNinetyNineFastAndOneSlowChange_whenSummarised_thenP50IsFastAndP99TheLastFastOne() {
        long[] counts = new long[FreshnessLedger.BUCKETS];
        counts[FreshnessLedger.bucketOf(200)] = 98;
        counts[FreshnessLedger.bucketOf(900)] = 1;
        counts[FreshnessLedger.bucketOf(30_000)] = 1;

        FreshnessResource.ConnectionFreshness summary = FreshnessResource.summary("c-1", counts);

        assertThat(summary.changes()).isEqualTo(100);
        assertThat(summary.p50Seconds()).isCloseTo(0.2, within(0.04));
        assertThat(summary.p99Seconds()).isCloseTo(0.9, within(0.17));
    }

    @Test
    void givenOneSlowChangeInTen_whenSummarised_thenP99IsTheSlowOne() {
        long[] counts = new long[FreshnessLedger.BUCKETS];
        counts[FreshnessLedger.bucketOf(200)] = 9;
        counts[FreshnessLedger.bucketOf(30_000)] = 1;

        assertThat(FreshnessResource.summary("c-1", counts).p99Seconds()).isCloseTo(30, within(5.7));
    }
}
