package com.pmsbridge.connector.adapter.generic;

import com.pmsbridge.connector.adapter.HmacSignatures;
import com.pmsbridge.connector.adapter.ParsedWebhook;
import com.pmsbridge.connector.adapter.PmsAdapter;
import com.pmsbridge.connector.adapter.WebhookRequest;
import com.pmsbridge.connector.connection.Connection;
import com.pmsbridge.connector.connection.ConnectionSecrets;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * Any PMS or middleware that pushes full entities as JSON, signed with
 * {@code X-PMS-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>} and
 * {@code X-PMS-Timestamp: <unix seconds>}.
 */
@ApplicationScoped
public class GenericAdapter implements PmsAdapter {
    static final String SIGNATURE_HEADER = "X-PMS-Signature";
    static final String TIMESTAMP_HEADER = "X-PMS-Timestamp";
    private static final String SIGNATURE_PREFIX = "sha256=";

    private final ConnectionSecrets secrets;
    private final GenericWebhookConfig config;
    private final GenericPayloadMapper mapper = new GenericPayloadMapper();

    GenericAdapter(ConnectionSecrets secrets, GenericWebhookConfig config) {
        this.secrets = secrets;
        this.config = config;
    }

    @Override
    public String pmsType() {
        return "generic";
    }

    @Override
    public void verify(WebhookRequest request, Connection connection) {
        HmacSignatures.verify(
                request,
                secrets.webhookSecrets(connection),
                TIMESTAMP_HEADER,
                SIGNATURE_HEADER,
                "sha256=<hex>",
                config.replayWindow(),
                GenericAdapter::hex);
    }

    private static byte[] hex(String signature) {
        if (!signature.startsWith(SIGNATURE_PREFIX)) {
            throw new IllegalArgumentException("no sha256= prefix");
        }
        return HexFormat.of().parseHex(signature.substring(SIGNATURE_PREFIX.length()));
    }

    @Override
    public ParsedWebhook parse(WebhookRequest request, Connection connection) {
        GenericPayloadMapper.Parsed parsed = mapper.parse(request.body(), connection.fieldMapping);
        Instant now = request.receivedAt();
        return ParsedWebhook.full(parsed.eventId(), List.of(parsed.toChangeEvent(connection, now)));
    }
}
