package com.pmsbridge.contract;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import com.pmsbridge.contract.event.ChangeEvent;
import com.pmsbridge.contract.event.DeadLetter;
import com.pmsbridge.contract.event.LifecycleEvent;
import com.pmsbridge.contract.event.QueueAction;
import com.pmsbridge.contract.event.QueueActionResult;
import com.pmsbridge.contract.event.SyncRunCompleted;
import com.pmsbridge.contract.event.WritebackCommand;
import com.pmsbridge.contract.event.WritebackResult;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The payload schemas downstream teams read are generated from the contract's records: the JSON Schema files in the
 * jar ({@code schemas/<Message>.schema.json}) and the same schemas embedded in {@code docs/asyncapi.yaml}. A record
 * changed without its documents fails here; {@code ./mvnw -pl event-contract test -Dschemas.write=true} writes both.
 */
class PublishedSchemasTest {
    static final Map<String, Class<?>> MESSAGES = new LinkedHashMap<>();

    static {
        MESSAGES.put("ChangeEvent", ChangeEvent.class);
        MESSAGES.put("LifecycleEvent", LifecycleEvent.class);
        MESSAGES.put("QueueAction", QueueAction.class);
        MESSAGES.put("QueueActionResult", QueueActionResult.class);
        MESSAGES.put("WritebackCommand", WritebackCommand.class);
        MESSAGES.put("WritebackResult", WritebackResult.class);
        MESSAGES.put("SyncRunCompleted", SyncRunCompleted.class);
        MESSAGES.put("DeadLetter", DeadLetter.class);
    }

    private static final Path SCHEMAS = Path.of("src/main/resources/schemas");
    private static final Path ASYNCAPI = Path.of("../docs/asyncapi.yaml");
    private static final String BEGIN = "    # BEGIN schemas generated from event-contract (PublishedSchemasTest)\n";
    private static final String END = "    # END schemas generated from event-contract\n";
    private static final boolean WRITE = Boolean.getBoolean("schemas.write");

    private final SchemaGenerator generator =
            new SchemaGenerator(new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                    .with(new JacksonModule(JacksonOption.FLATTENED_ENUMS_FROM_JSONVALUE))
                    .with(Option.EXTRA_OPEN_API_FORMAT_VALUES)
                    .with(Option.INLINE_ALL_SCHEMAS) // each schema stands alone: no $defs to resolve
                    .build());

    @Test
    void givenTheContractRecords_whenTheirSchemasAreGenerated_thenThePublishedFilesAreTheSame() throws IOException {
        for (Map.Entry<String, Class<?>> message : MESSAGES.entrySet()) {
            ObjectNode schema = generator.generateSchema(message.getValue());
            schema.put("$id", "https://schemas.pmsbridge.com/v1/" + message.getKey() + ".schema.json");
            schema.put("title", message.getKey());
            Path file = SCHEMAS.resolve(message.getKey() + ".schema.json");
            String text = schema.toPrettyString() + "\n";
            if (WRITE) {
                Files.createDirectories(SCHEMAS);
                Files.writeString(file, text, StandardCharsets.UTF_8);
            }
            assertThat(file)
                    .as("%s: run ./mvnw -pl event-contract test -Dschemas.write=true and commit", file)
                    .exists()
                    .hasContent(text);
        }
    }

    @Test
    void givenTheContractRecords_whenTheirSchemasAreGenerated_thenTheAsyncApiDocumentEmbedsThem() throws IOException {
        StringBuilder region = new StringBuilder(BEGIN);
        for (Map.Entry<String, Class<?>> message : MESSAGES.entrySet()) {
            ObjectNode schema = generator.generateSchema(message.getValue());
            schema.remove("$schema"); // an AsyncAPI schema object names no meta-schema of its own
            region.append("    ").append(message.getKey()).append(":\n");
            for (String line : schema.toPrettyString().split("\n")) {
                region.append("      ").append(line).append('\n');
            }
        }
        region.append(END);
        String document = Files.readString(ASYNCAPI, StandardCharsets.UTF_8);
        int begin = document.indexOf(BEGIN);
        int end = document.indexOf(END);
        assertThat(begin).as("docs/asyncapi.yaml marks the generated schemas").isNotNegative();
        String current = document.substring(begin, end + END.length());
        if (WRITE) {
            Files.writeString(ASYNCAPI, document.replace(current, region), StandardCharsets.UTF_8);
            current = region.toString();
        }
        assertThat(current)
                .as("docs/asyncapi.yaml: run ./mvnw -pl event-contract test -Dschemas.write=true and commit")
                .isEqualTo(region.toString());
    }
}
