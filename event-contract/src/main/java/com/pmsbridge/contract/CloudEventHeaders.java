package com.pmsbridge.contract;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * CloudEvents 1.0 Kafka binary mode: attributes travel as {@code ce_*} headers, the JSON payload is the value.
 * {@code ce_org} is our extension attribute carrying the organisation of every record.
 */
public final class CloudEventHeaders {
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ORG = "ce_org";
    public static final String CONTENT_TYPE = "content-type";

    private static final byte[] SPEC_VERSION_1_0 = "1.0".getBytes(StandardCharsets.UTF_8);
    private static final byte[] JSON = "application/json".getBytes(StandardCharsets.UTF_8);

    private CloudEventHeaders() {}

    /** The headers of a record with these attributes (null ones left out). */
    public static Headers of(String id, String source, String type, String subject, Instant time, String org) {
        return ofEncoded(utf8(id), utf8(source), utf8(type), utf8(subject), utf8(time.toString()), utf8(org));
    }

    /**
     * The headers from values already encoded as UTF-8 (null ones left out): for a publisher of many records whose
     * values it holds as bytes. The constant attributes share one array each.
     */
    public static Headers ofEncoded(byte[] id, byte[] source, byte[] type, byte[] subject, byte[] time, byte[] org) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(SPEC_VERSION, SPEC_VERSION_1_0);
        put(headers, ID, id);
        put(headers, SOURCE, source);
        put(headers, TYPE, type);
        put(headers, SUBJECT, subject);
        put(headers, TIME, time);
        put(headers, ORG, org);
        headers.add(CONTENT_TYPE, JSON);
        return headers;
    }

    /** The value of a header as text, or null when the record does not carry it. */
    public static String get(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void put(Headers headers, String name, byte[] value) {
        if (value != null) {
            headers.add(name, value);
        }
    }

    private static byte[] utf8(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }
}
