package com.pmsbridge.gateway.edge;

/** A value written into an audit line: control characters, spaces and '=' escaped, so no caller can forge a field. */
final class AuditText {
    private AuditText() {}

    static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f || c == ' ' || c == '=' || c == '\\' || Character.isISOControl(c)) {
                escaped.append(String.format("\\u%04x", c));
            } else {
                escaped.appendCodePoint(c);
            }
        });
        return escaped.toString();
    }
}
