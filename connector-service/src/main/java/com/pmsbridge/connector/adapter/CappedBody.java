package com.pmsbridge.connector.adapter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** A response body read up to a limit: a PMS (or anything posing as one) cannot make the connector buffer gigabytes. */
public final class CappedBody {
    private CappedBody() {}

    public static String read(InputStream body, int maxBytes) throws IOException {
        try (body) {
            byte[] bytes = body.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new IOException("response larger than " + maxBytes + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
