package com.pmsbridge.sync.projection;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per field, the version it was last set from ({@link EntityState.FieldVersion}). Stored grouped by version: the
 * fields one change set share one entry, {@code [{"version":…,"source":…,"eventId":…,"fields":["rent","status"]}]}.
 * A PMS change usually carries the whole record, so one entry per state is common (stored per field, the versions
 * outweighed the data they describe).
 * Reads the earlier form as well (an object of field to version), which rows keep until they are next written.
 * Serializable because Hibernate snapshots a managed state's JSON columns by serialization to detect changes.
 */
@JsonSerialize(using = FieldVersions.Writer.class)
@JsonDeserialize(using = FieldVersions.Reader.class)
public class FieldVersions extends LinkedHashMap<String, EntityState.FieldVersion> {
    private static final long serialVersionUID = 1L;

    static final class Writer extends StdSerializer<FieldVersions> {
        Writer() {
            super(FieldVersions.class);
        }

        @Override
        public void serialize(FieldVersions versions, JsonGenerator json, SerializerProvider provider)
                throws IOException {
            Map<EntityState.FieldVersion, List<String>> groups = new LinkedHashMap<>();
            versions.forEach((field, version) -> {
                if (version != null) {
                    groups.computeIfAbsent(version, v -> new ArrayList<>(4)).add(field);
                }
            });
            json.writeStartArray();
            for (Map.Entry<EntityState.FieldVersion, List<String>> group : groups.entrySet()) {
                EntityState.FieldVersion version = group.getKey();
                json.writeStartObject();
                if (version.version() != null) {
                    json.writeStringField("version", version.version());
                }
                if (version.source() != null) {
                    json.writeStringField("source", version.source().wireName());
                }
                if (version.pending()) {
                    json.writeBooleanField("pending", true);
                }
                if (version.eventId() != null) {
                    json.writeStringField("eventId", version.eventId());
                }
                json.writeArrayFieldStart("fields");
                for (String field : group.getValue()) {
                    json.writeString(field);
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
        }
    }

    static final class Reader extends StdDeserializer<FieldVersions> {
        Reader() {
            super(FieldVersions.class);
        }

        @Override
        public FieldVersions deserialize(JsonParser json, DeserializationContext context) throws IOException {
            FieldVersions versions = new FieldVersions();
            if (json.currentToken() == JsonToken.START_OBJECT) { // the earlier form: field -> version
                for (String field = json.nextFieldName(); field != null; field = json.nextFieldName()) {
                    json.nextToken();
                    versions.put(field, context.readValue(json, EntityState.FieldVersion.class));
                }
                return versions;
            }
            if (json.currentToken() != JsonToken.START_ARRAY) {
                return (FieldVersions) context.handleUnexpectedToken(FieldVersions.class, json);
            }
            while (json.nextToken() == JsonToken.START_OBJECT) {
                String version = null;
                Source source = null;
                boolean pending = false;
                String eventId = null;
                List<String> fields = new ArrayList<>(4);
                for (String name = json.nextFieldName(); name != null; name = json.nextFieldName()) {
                    JsonToken value = json.nextToken();
                    switch (name) {
                        case "version" -> version = json.getValueAsString();
                        case "source" -> source = Source.fromWireName(json.getValueAsString());
                        case "pending" -> pending = value == JsonToken.VALUE_TRUE;
                        case "eventId" -> eventId = json.getValueAsString();
                        case "fields" -> {
                            while (json.nextToken() == JsonToken.VALUE_STRING) {
                                fields.add(json.getText());
                            }
                        }
                        default -> json.skipChildren();
                    }
                }
                EntityState.FieldVersion shared = new EntityState.FieldVersion(version, source, pending, eventId);
                fields.forEach(field -> versions.put(field, shared));
            }
            return versions;
        }
    }
}
