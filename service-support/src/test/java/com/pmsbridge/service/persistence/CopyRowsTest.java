package com.pmsbridge.service.persistence;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CopyRowsTest {

    @Test
    void givenValues_whenWritten_thenTabSeparatedRowsWithNullsAndBooleans() {
        CopyRows rows = new CopyRows(3).row("a", 1, true).row(null, "b", false);

        assertThat(rows.text()).isEqualTo("a\t1\tt\n\\N\tb\tf\n");
        assertThat(rows.size()).isEqualTo(2);
    }

    @Test
    void givenSeparatorsAndBackslashesInText_whenWritten_thenEscapedSoTheServerReadsThemBack() {
        String json = "{\"note\":\"line one\\nline two\",\"path\":\"C:\\\\x\"}\twith\ttabs\r\nand ünïcødé";

        String text = new CopyRows(1).row(json).text();

        assertThat(text)
                .isEqualTo(json.replace("\\", "\\\\")
                                .replace("\t", "\\t")
                                .replace("\r", "\\r")
                                .replace("\n", "\\n") + "\n");
        assertThat(text.chars().filter(c -> c == '\n').count()).isEqualTo(1);
    }

    @Test
    void givenWrongNumberOfValues_whenAdded_thenRefused() {
        assertThatThrownBy(() -> new CopyRows(2).row("only one"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected 2 values, got 1");
    }

    @Test
    void givenMoreRowsThanOneChunk_whenWritten_thenEveryRowOnceInOrder() {
        CopyRows rows = new CopyRows(2);
        String value = "x".repeat(1_000);
        for (int i = 0; i < 500; i++) {
            rows.row(i, value);
        }

        String[] lines = rows.text().split("\n");

        assertThat(lines).hasSize(500);
        assertThat(lines[0]).isEqualTo("0\t" + value);
        assertThat(lines[499]).isEqualTo("499\t" + value);
    }
}
