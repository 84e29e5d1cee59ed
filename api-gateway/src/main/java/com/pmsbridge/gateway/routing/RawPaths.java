package com.pmsbridge.gateway.routing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The gateway forwards the request path exactly as it came (raw, still encoded), and only a path that cannot change
 * shape once a backend decodes it: no encoded slash or backslash, no backslash, no NUL, no dot segment.
 */
public final class RawPaths {
    /** A connection id as the connector accepts it; a webhook for anything else is refused before it is forwarded. */
    public static final Pattern CONNECTION_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,98}[a-z0-9]");

    private static final String[] FORBIDDEN = {"%2f", "%5c", "\\", "%00"};

    private RawPaths() {}

    /** Why the raw path is refused, or empty when it is safe to forward. */
    public static Optional<String> problem(String rawPath) {
        String lower = rawPath.toLowerCase(Locale.ROOT);
        for (String forbidden : FORBIDDEN) {
            if (lower.contains(forbidden)) {
                return Optional.of("the path must not contain " + forbidden);
            }
        }
        for (String segment : rawPath.split("/", -1)) {
            String decoded = decode(segment);
            if (decoded == null || decoded.equals(".") || decoded.equals("..")) {
                return Optional.of("the path must not contain dot segments or malformed escapes");
            }
        }
        return Optional.empty();
    }

    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
