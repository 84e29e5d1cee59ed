package com.pmsbridge.connector.adapter.generic;

import com.pmsbridge.connector.adapter.HmacSignatures;
import com.pmsbridge.connector.adapter.ParsedWebhook;
import com.pmsbridge.connector.adapter.PmsAdapter;
import com.pmsbridge.connector.adapter.WebhookRejectedException;
import com.pmsbridge.connector.adapter.WebhookRequest;
import com.pmsbridge.connector.connection.Connection;
import com.pmsbridge.connector.connection.SecretResolver;
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

    private final SecretResolver secrets;
    private final GenericWebhookConfig config;
    private final GenericPayloadMapper mapper = new GenericPayloadMapper();

    GenericAdapter(SecretResolver secrets, GenericWebhookConfig config) {
        this.secrets = secrets;
        this.config = config;
    }

    @Override
    public String pmsType() {
        return "generic";
    }

    @Override
    public void verify(WebhookRequest request, Connection connection) {
        String secret = secrets.resolve(connection.webhookSecretRef).orElseThrow(() ->
                WebhookRejectedException.unauthorized("secret_unavailable", "the connection has no webhook secret configured"));
        String timestamp = request.header(TIMESTAMP_HEADER);
        HmacSignatures.requireFreshTimestamp(timestamp, TIMESTAMP_HEADER, config.replayWindow(), request.receivedAt());
        String signature = request.header(SIGNATURE_HEADER);
        if (signature == null || !signature.startsWith(SIGNATURE_PREFIX)) {
            throw WebhookRejectedException.unauthorized("signature_missing",
                    "missing header " + SIGNATURE_HEADER + " of the form sha256=<hex>");
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.substring(SIGNATURE_PREFIX.length()).trim());
        } catch (IllegalArgumentException e) {
            throw WebhookRejectedException.unauthorized("signature_invalid", SIGNATURE_HEADER + " is not hex");
        }
        byte[] expected = HmacSignatures.hmacSha256(secret, timestamp.trim(), request.body());
        if (!HmacSignatures.matches(expected, given)) {
            throw WebhookRejectedException.unauthorized("signature_invalid", "signature does not match the body");
        }
    }

    @Override
    public ParsedWebhook parse(WebhookRequest request, Connection connection) {
        GenericPayloadMapper.Parsed parsed = mapper.parse(request.body(), connection.fieldMapping);
        Instant now = request.receivedAt();
        return ParsedWebhook.full(parsed.eventId(), List.of(parsed.toChangeEvent(connection, now)));
    }
}
