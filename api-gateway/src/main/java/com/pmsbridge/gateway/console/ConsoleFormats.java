package com.pmsbridge.gateway.console;

import io.quarkus.qute.TemplateExtension;

import java.util.Locale;

/** How the console's templates show the API's values. */
@TemplateExtension
final class ConsoleFormats {
    private ConsoleFormats() {}

    /** An enum name as words: {@code MOVE_IN} reads "move in". */
    static String label(String name) {
        return name == null ? "" : name.replace('_', ' ').toLowerCase(Locale.ROOT);
    }
}
