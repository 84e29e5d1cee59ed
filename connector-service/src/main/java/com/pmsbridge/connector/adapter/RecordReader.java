package com.pmsbridge.connector.adapter;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.RoundingMode;
import java.util.Map;

/**
 * Reads fields of a PMS record with type checks; every problem becomes a {@link MappingException} that names the
 * field, so a bad record goes to the DLQ with a reason an operator can act on.
 */
public final class RecordReader {
    private final JsonNode record;
    private final String what;

    public RecordReader(JsonNode record, String what) {
        if (record == null || !record.isObject()) {
            throw new MappingException(what + " is not a JSON object", String.valueOf(record));
        }
        this.record = record;
        this.what = what;
    }

    /** A required integer id, as text. */
    public String id(String path) {
        JsonNode node = at(path);
        if (node.isMissingNode() || node.isNull()) {
            throw fail("missing required field '" + path + "'");
        }
        if (!node.canConvertToLong() || !node.isIntegralNumber()) {
            throw fail("field '" + path + "' must be an integer id, got "
                    + node.getNodeType().name().toLowerCase());
        }
        return node.asText();
    }

    /** An optional integer id, as text, or null. */
    public String optionalId(String path) {
        JsonNode node = at(path);
        return node.isMissingNode() || node.isNull() ? null : id(path);
    }

    public String text(String path) {
        JsonNode node = at(path);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isValueNode()) {
            throw fail("field '" + path + "' must be a value, got "
                    + node.getNodeType().name().toLowerCase());
        }
        return node.asText();
    }

    public Integer integer(String path) {
        JsonNode node = at(path);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber()) {
            throw fail("field '" + path + "' must be an integer");
        }
        return node.asInt();
    }

    /** A decimal as a plain string (money), or null. */
    public String decimal(String path) {
        JsonNode node = at(path);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw fail("field '" + path + "' must be a number");
        }
        return node.decimalValue().setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** Maps an enum value through a table; an unknown value is an error naming the value and the field. */
    public <T> T oneOf(String path, Map<String, T> table) {
        String value = text(path);
        if (value == null) {
            return null;
        }
        if (!table.containsKey(value)) {
            throw fail("unknown value '" + value + "' of field '" + path + "' (known: "
                    + String.join(", ", table.keySet()) + ")");
        }
        return table.get(value);
    }

    /** The whole record as JSON text, for the DLQ. */
    public String raw() {
        return record.toString();
    }

    public JsonNode node(String path) {
        return at(path);
    }

    private JsonNode at(String path) {
        JsonNode node = record;
        for (String part : path.split("\\.")) {
            node = node.isArray() && part.chars().allMatch(Character::isDigit)
                    ? node.path(Integer.parseInt(part))
                    : node.path(part);
        }
        return node;
    }

    private MappingException fail(String message) {
        return new MappingException(what + ": " + message, record.toString());
    }
}
