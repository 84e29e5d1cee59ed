package com.pmsbridge.sync.outbox;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboxBatchTest {

    private static Outbox.Row row(int n, String payload) {
        return new Outbox.Row(
                "id-" + n,
                "pms.lease.state.v1",
                "lease:c1:L-" + n,
                "com.pmsbridge.lease.state.v1",
                "lease:c1:L-" + n,
                "acme",
                payload,
                null);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void givenRowsWithNullsAndNonAscii_whenEncodedAndDecoded_thenEveryFieldComesBack() {
        Outbox.Row tombstone = new Outbox.Row(
                "id-1",
                "pms.lease.state.v1",
                "lease:c1:L-1",
                "type",
                null,
                "acme",
                null,
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        Outbox.Row unicode = row(2, "{\"notes\":\"Müller – 東京 \\n\"}");

        List<OutboxBatch.Encoded> encoded = OutboxBatch.encode(List.of(tombstone, unicode), 128 * 1024);

        assertThat(encoded).hasSize(1);
        assertThat(encoded.get(0).records()).isEqualTo(2);
        List<OutboxBatch.Record> records = OutboxBatch.decode(encoded.get(0).bytes());
        assertThat(records).hasSize(2);
        OutboxBatch.Record first = records.get(0);
        assertThat(text(first.eventId())).isEqualTo("id-1");
        assertThat(first.topic()).isEqualTo("pms.lease.state.v1");
        assertThat(new String(first.key(), StandardCharsets.UTF_8)).isEqualTo("lease:c1:L-1");
        assertThat(text(first.ceType())).isEqualTo("type");
        assertThat(first.subject()).isNull();
        assertThat(text(first.org())).isEqualTo("acme");
        assertThat(first.payload()).isNull();
        assertThat(first.traceparent()).isEqualTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        assertThat(records.get(1).traceparent()).isNull();
        assertThat(new String(records.get(1).payload(), StandardCharsets.UTF_8)).isEqualTo(unicode.payload());
    }

    @Test
    void givenMoreThanTheLimit_whenEncoded_thenSplitInOrderWithinTheLimit() {
        String payload = "x".repeat(1000);
        List<Outbox.Row> rows =
                IntStream.range(0, 100).mapToObj(n -> row(n, payload)).toList();

        List<OutboxBatch.Encoded> encoded = OutboxBatch.encode(rows, 10_000);

        assertThat(encoded).hasSizeGreaterThan(10);
        assertThat(encoded).allSatisfy(batch -> assertThat(batch.bytes().length).isLessThanOrEqualTo(10_000));
        List<String> ids = encoded.stream()
                .flatMap(batch -> OutboxBatch.decode(batch.bytes()).stream())
                .map(record -> text(record.eventId()))
                .toList();
        assertThat(ids)
                .containsExactlyElementsOf(
                        rows.stream().map(Outbox.Row::eventId).toList());
        assertThat(encoded.stream().mapToInt(OutboxBatch.Encoded::records).sum())
                .isEqualTo(100);
    }

    @Test
    void givenARecordLargerThanTheLimit_whenEncoded_thenItIsABatchAlone() {
        List<Outbox.Row> rows = List.of(row(1, "small"), row(2, "y".repeat(5000)), row(3, "small"));

        List<OutboxBatch.Encoded> encoded = OutboxBatch.encode(rows, 1000);

        assertThat(encoded).extracting(OutboxBatch.Encoded::records).containsExactly(1, 1, 1);
        assertThat(text(OutboxBatch.decode(encoded.get(1).bytes()).get(0).eventId()))
                .isEqualTo("id-2");
    }

    @Test
    void givenNoRows_whenEncoded_thenNoBatch() {
        assertThat(OutboxBatch.encode(List.of(), 1000)).isEmpty();
    }

    @Test
    void givenAnUnknownFormat_whenDecoded_thenRefused() {
        assertThatThrownBy(() -> OutboxBatch.decode(new byte[] {9, 0, 0, 0, 0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("format 9");
    }

    @Test
    void givenBatchWrittenBeforeTracesWereStored_whenDecoded_thenReadWithoutATrace() {
        // format 1, as migration V8 wrote it: a version byte, then seven length-prefixed fields per record
        ByteBuffer v1 = ByteBuffer.allocate(256).put((byte) 1);
        for (String field : new String[] {"id-1", "pms.domain-events.v1", "k", "t", "s", "acme", "{}"}) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            v1.putInt(bytes.length).put(bytes);
        }
        byte[] bytes = Arrays.copyOf(v1.array(), v1.position());

        List<OutboxBatch.Record> records = OutboxBatch.decode(bytes);

        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.topic()).isEqualTo("pms.domain-events.v1");
            assertThat(text(record.payload())).isEqualTo("{}");
            assertThat(record.traceparent()).isNull();
        });
    }
}
