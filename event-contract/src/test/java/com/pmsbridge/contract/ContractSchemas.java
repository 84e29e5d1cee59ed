package com.pmsbridge.contract;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import com.pmsbridge.contract.event.ChangeEvent;
import com.pmsbridge.contract.event.CurrentState;
import com.pmsbridge.contract.event.DeadLetter;
import com.pmsbridge.contract.event.LifecycleEvent;
import com.pmsbridge.contract.event.QueueAction;
import com.pmsbridge.contract.event.QueueActionResult;
import com.pmsbridge.contract.event.SyncRunCompleted;
import com.pmsbridge.contract.event.WritebackCommand;
import com.pmsbridge.contract.event.WritebackResult;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The JSON Schemas (2020-12) of the contract's messages and canonical records, generated from the records. */
final class ContractSchemas {
    static final Map<String, Class<?>> MESSAGES = new LinkedHashMap<>();
    /** Messages whose {@code data} is one entity's canonical record, chosen by their {@code entityType}. */
    private static final Set<Class<?>> DATA_BY_ENTITY_TYPE = Set.of(ChangeEvent.class, CurrentState.class);

    static {
        MESSAGES.put("ChangeEvent", ChangeEvent.class);
        MESSAGES.put("CurrentState", CurrentState.class);
        MESSAGES.put("LifecycleEvent", LifecycleEvent.class);
        MESSAGES.put("QueueAction", QueueAction.class);
        MESSAGES.put("QueueActionResult", QueueActionResult.class);
        MESSAGES.put("WritebackCommand", WritebackCommand.class);
        MESSAGES.put("WritebackResult", WritebackResult.class);
        MESSAGES.put("SyncRunCompleted", SyncRunCompleted.class);
        MESSAGES.put("DeadLetter", DeadLetter.class);
    }

    private static final SchemaGenerator GENERATOR =
            new SchemaGenerator(new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                    .with(new JacksonModule(JacksonOption.FLATTENED_ENUMS_FROM_JSONVALUE))
                    .with(Option.EXTRA_OPEN_API_FORMAT_VALUES)
                    .with(Option.NULLABLE_FIELDS_BY_DEFAULT) // a record's component may be null on the wire
                    .with(Option.INLINE_ALL_SCHEMAS) // each schema stands alone: no $defs to resolve
                    .build());

    private ContractSchemas() {}

    /** A message's schema; a change's or state's {@code data} is typed by its {@code entityType}. */
    static ObjectNode message(Class<?> type) {
        ObjectNode schema = GENERATOR.generateSchema(type);
        if (DATA_BY_ENTITY_TYPE.contains(type)) {
            ArrayNode cases = schema.putArray("allOf");
            for (EntityType entityType : EntityType.values()) {
                ObjectNode when = cases.addObject();
                when.putObject("if")
                        .putObject("properties")
                        .putObject("entityType")
                        .put("const", entityType.wireName());
                ObjectNode data = model(entityType);
                data.remove("$schema");
                // a delete's change carries no fields; a generic connection may add fields the model does not name
                data.remove("required");
                when.putObject("then").putObject("properties").set("data", data);
            }
        }
        return schema;
    }

    /** The schema of one entity type's canonical record. */
    static ObjectNode model(EntityType type) {
        ObjectNode schema = GENERATOR.generateSchema(type.model());
        schema.put(
                "description",
                "The canonical " + type.wireName() + ": data on pms." + type.wireName() + ".changes.v1 and pms."
                        + type.wireName() + ".state.v1");
        return schema;
    }
}
