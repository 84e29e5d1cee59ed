package com.pmsbridge.contract;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
    private static final Path SCHEMAS = Path.of("src/main/resources/schemas");
    private static final Path ASYNCAPI = Path.of("../docs/asyncapi.yaml");
    private static final String BEGIN = "    # BEGIN schemas generated from event-contract (PublishedSchemasTest)\n";
    private static final String END = "    # END schemas generated from event-contract\n";
    private static final boolean WRITE = Boolean.getBoolean("schemas.write");

    @Test
    void givenTheContractRecords_whenTheirSchemasAreGenerated_thenThePublishedFilesAreTheSame() throws IOException {
        for (Map.Entry<String, ObjectNode> published : published().entrySet()) {
            Path file = SCHEMAS.resolve(published.getKey());
            String text = published.getValue().toPrettyString() + "\n";
            if (WRITE) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, text, StandardCharsets.UTF_8);
            }
            assertThat(file)
                    .as("%s: run ./mvnw -pl event-contract test -Dschemas.write=true and commit", file)
                    .exists()
                    .hasContent(text);
        }
    }

    /** Each published file by its path under {@code schemas/}: the messages, then the canonical records. */
    static Map<String, ObjectNode> published() {
        Map<String, ObjectNode> files = new LinkedHashMap<>();
        ContractSchemas.MESSAGES.forEach((name, type) -> files.put(
                name + ".schema.json", identified(ContractSchemas.message(type), name, name + ".schema.json")));
        for (EntityType type : EntityType.values()) {
            String name = type.model().getSimpleName();
            String path = "model/" + name + ".schema.json";
            files.put(path, identified(ContractSchemas.model(type), name, path));
        }
        return files;
    }

    private static ObjectNode identified(ObjectNode schema, String title, String path) {
        schema.put("$id", "https://schemas.pmsbridge.com/v1/" + path);
        schema.put("title", title);
        return schema;
    }

    @Test
    void givenTheContractRecords_whenTheirSchemasAreGenerated_thenTheAsyncApiDocumentEmbedsThem() throws IOException {
        StringBuilder region = new StringBuilder(BEGIN);
        for (Map.Entry<String, Class<?>> message : ContractSchemas.MESSAGES.entrySet()) {
            ObjectNode schema = ContractSchemas.message(message.getValue());
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
