package com.pmsbridge.connector.adapter.appfolio;

import com.fasterxml.jackson.databind.JsonNode;
import com.pmsbridge.connector.adapter.GuardedHttp;
import com.pmsbridge.connector.adapter.OutboundTargets;
import com.pmsbridge.connector.adapter.PmsHttpClient;
import com.pmsbridge.connector.adapter.PmsRequest;
import com.pmsbridge.connector.adapter.PmsUnavailableException;
import com.pmsbridge.contract.ContractJson;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Public keys from each issuer's {@code /.well-known/jwks.json}, cached. An unknown {@code kid} triggers one refresh
 * (key rotation), at most once per configured interval per issuer, so forged kids cannot make us hammer the issuer.
 */
@ApplicationScoped
public class JwksCache {
    private static final Logger LOG = Logger.getLogger(JwksCache.class);
    private final Map<String, Map<String, RSAPublicKey>> keys = new ConcurrentHashMap<>();
    private final Map<String, Instant> refreshedAt = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final Duration minRefresh;

    private final OutboundTargets outbound;
    private final GuardedHttp http;

    JwksCache(AppFolioConfig config, OutboundTargets outbound, GuardedHttp http) {
        this.minRefresh = config.jwksMinRefreshInterval();
        this.outbound = outbound;
        this.http = http;
    }

    public Optional<RSAPublicKey> key(String issuer, String kid) {
        RSAPublicKey cached = keys.getOrDefault(issuer, Map.of()).get(kid);
        if (cached != null) {
            return Optional.of(cached);
        }
        // single flight per issuer: one slow issuer never holds up another's webhooks
        synchronized (locks.computeIfAbsent(issuer, i -> new Object())) {
            cached = keys.getOrDefault(issuer, Map.of()).get(kid);
            Instant last = refreshedAt.get(issuer);
            if (cached == null
                    && (last == null || Duration.between(last, Instant.now()).compareTo(minRefresh) >= 0)) {
                refresh(issuer);
            }
        }
        return Optional.ofNullable(keys.getOrDefault(issuer, Map.of()).get(kid));
    }

    private void refresh(String issuer) {
        refreshedAt.put(issuer, Instant.now());
        URI jwks = URI.create(issuer.replaceAll("/$", "") + "/.well-known/jwks.json");
        try {
            // the URL's rules now; its addresses when the connection is opened (GuardedHttp)
            outbound.requireSafe("appfolio", jwks);
            PmsHttpClient.Answer answer = http.exchange(PmsRequest.get(jwks), Duration.ofSeconds(10));
            if (answer.status() != 200) {
                LOG.warnf("JWKS of %s answered %d", issuer, answer.status());
                return;
            }
            Map<String, RSAPublicKey> fresh = new ConcurrentHashMap<>();
            for (JsonNode jwk : ContractJson.mapper().readTree(answer.body()).path("keys")) {
                if ("RSA".equals(jwk.path("kty").asText()) && jwk.hasNonNull("kid")) {
                    fresh.put(
                            jwk.path("kid").asText(),
                            rsa(jwk.path("n").asText(), jwk.path("e").asText()));
                }
            }
            keys.put(issuer, fresh);
        } catch (PmsUnavailableException e) {
            LOG.warnf("JWKS of %s not fetched: the issuer is not an allowed outbound target", issuer);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            LOG.warnf("cannot read the JWKS of %s: %s", issuer, e.getClass().getSimpleName());
        }
    }

    private static RSAPublicKey rsa(String n, String e) throws GeneralSecurityException {
        Base64.Decoder decoder = Base64.getUrlDecoder();
        return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(
                        new BigInteger(1, decoder.decode(n)), new BigInteger(1, decoder.decode(e))));
    }
}
