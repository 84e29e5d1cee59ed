package com.pmsbridge.sync.outbox;

import com.fasterxml.jackson.core.JsonGenerator;
import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.contract.event.LifecycleEvent;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/**
 * A lifecycle event's JSON, written field by field: the same document the contract's object mapper writes
 * ({@code LifecycleJsonTest} compares them), at a fraction of the cost. The projection writes one or two per change
 * event, and the mapper's bean and map serialisers were a tenth of sync-service's CPU (docs/benchmarks.md). Values
 * other than text, numbers and booleans in before/after go to the mapper.
 */
final class LifecycleJson {
    private LifecycleJson() {
    }

    static String of(LifecycleEvent event) {
        StringWriter out = new StringWriter(768);
        try (JsonGenerator json = ContractJson.mapper().getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("schemaVersion", event.schemaVersion());
            json.writeStringField("eventId", event.eventId());
            // writeStringField writes null for a null value, like the mapper does for an absent one
            json.writeStringField("type", event.type() == null ? null : event.type().name());
            json.writeStringField("org", event.org());
            json.writeStringField("connectionId", event.connectionId());
            json.writeStringField("entityType", event.entityType() == null ? null : event.entityType().wireName());
            json.writeStringField("entityKey", event.entityKey());
            json.writeStringField("propertyId", event.propertyId());
            json.writeStringField("unitId", event.unitId());
            strings(json, "changedFields", event.changedFields());
            values(json, "before", event.before());
            values(json, "after", event.after());
            strings(json, "causedBy", event.causedBy());
            json.writeStringField("occurredAt", event.occurredAt() == null ? null : event.occurredAt().toString());
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void strings(JsonGenerator json, String name, List<String> values) throws IOException {
        json.writeFieldName(name);
        if (values == null) {
            json.writeNull();
            return;
        }
        json.writeStartArray();
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    private static void values(JsonGenerator json, String name, Map<String, Object> values) throws IOException {
        json.writeFieldName(name);
        if (values == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        for (Map.Entry<String, Object> field : values.entrySet()) {
            json.writeFieldName(field.getKey());
            switch (field.getValue()) {
                case null -> json.writeNull();
                case String text -> json.writeString(text);
                case Boolean bool -> json.writeBoolean(bool);
                case Integer number -> json.writeNumber(number);
                case Long number -> json.writeNumber(number);
                default -> ContractJson.mapper().writeValue(json, field.getValue());
            }
        }
        json.writeEndObject();
    }
}
