package com.pmsbridge.contract.model;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.pmsbridge.contract.ContractJson;
import com.pmsbridge.contract.EntityType;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Between a canonical record and the {@code data} of a change or state, whose fields are merged one by one: an
 * adapter's record becomes fields, and fields are read back as the record they describe.
 */
public final class CanonicalData {
    private static final ObjectMapper JSON = ContractJson.mapper();
    private static final TypeReference<LinkedHashMap<String, Object>> FIELDS = new TypeReference<>() {};

    private CanonicalData() {}

    /** Every field of the record, nulls included: a null says the PMS holds no value (a cleared field). */
    public static Map<String, Object> fields(CanonicalEntity entity) {
        return JSON.convertValue(entity, FIELDS);
    }

    /** Only the named fields: for a PMS that maps part of the model, so the fields it cannot see are not cleared. */
    public static Map<String, Object> fields(CanonicalEntity entity, Set<String> mapped) {
        Map<String, Object> all = fields(entity);
        all.keySet().retainAll(mapped);
        return all;
    }

    /**
     * The fields read as their type's record; fields the model does not name are ignored.
     *
     * @throws IllegalArgumentException naming the field whose value does not fit the model
     */
    public static <T extends CanonicalEntity> T read(Class<T> model, Map<String, ?> data) {
        try {
            return JSON.convertValue(data, model);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(describe(e), e);
        }
    }

    /** The same, with the model chosen by entity type. */
    public static CanonicalEntity read(EntityType type, Map<String, ?> data) {
        return read(type.model(), data);
    }

    /** The wire names of a model's fields. */
    public static Set<String> names(Class<? extends CanonicalEntity> model) {
        return Arrays.stream(model.getRecordComponents())
                .map(RecordComponent::getName)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Names the field and what it must be, never the value (it may be personal data). */
    private static String describe(IllegalArgumentException e) {
        if (e.getCause() instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                    .collect(Collectors.joining("."));
            return "field '" + field + "' must be " + expected(mismatch.getTargetType());
        }
        return "the data does not fit the canonical model";
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of the canonical model's type";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a string";
    }
}
