package com.pmsbridge.connector.connection;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretCipherTest {
    private static final String OLD = "old:" + key('o');
    private static final String NEW = "new:" + key('n');

    @Test
    void givenValueSealedUnderTheOldKey_whenTheKeyRotated_thenStillOpensAndNewValuesUseTheNewKey() {
        SecretCipher before = cipher(OLD, "old");
        SecretCipher.Sealed sealed = before.seal("c-1", SecretKind.CREDENTIAL, "client:secret");

        SecretCipher after = cipher(OLD + "," + NEW, "new");

        assertThat(sealed.keyId()).isEqualTo("old");
        assertThat(after.open("c-1", SecretKind.CREDENTIAL, sealed)).isEqualTo("client:secret");
        assertThat(after.seal("c-1", SecretKind.CREDENTIAL, "x").keyId()).isEqualTo("new");
    }

    @Test
    void givenCiphertextCopiedToAnotherConnection_whenOpened_thenRefused() {
        SecretCipher cipher = cipher(NEW, "new");
        SecretCipher.Sealed sealed = cipher.seal("acme-connection", SecretKind.CREDENTIAL, "client:secret");

        assertThatThrownBy(() -> cipher.open("globex-connection", SecretKind.CREDENTIAL, sealed))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.open("acme-connection", SecretKind.WEBHOOK, sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void givenSameValueTwice_whenSealed_thenCiphertextsDifferAndFingerprintsMatch() {
        SecretCipher cipher = cipher(NEW, "new");

        assertThat(cipher.seal("c", SecretKind.WEBHOOK, "v").ciphertext())
                .isNotEqualTo(cipher.seal("c", SecretKind.WEBHOOK, "v").ciphertext());
        assertThat(SecretCipher.fingerprint("v"))
                .isEqualTo(SecretCipher.fingerprint("v"))
                .startsWith("sha256:")
                .doesNotContain("v:");
    }

    @Test
    void givenPrimaryKeyNotAmongTheKeys_whenStarted_thenStopsNamingTheProperty() {
        assertThatThrownBy(() -> cipher(OLD, "missing")).hasMessageContaining("connector.secrets.primary-key-id");
    }

    private static String key(char fill) {
        return Base64.getEncoder()
                .encodeToString(String.valueOf(fill).repeat(32).getBytes());
    }

    private static SecretCipher cipher(String keys, String primary) {
        return new SecretCipher(new SecretsConfig() {
            @Override
            public String keys() {
                return keys;
            }

            @Override
            public String primaryKeyId() {
                return primary;
            }

            @Override
            public Duration webhookSecretOverlap() {
                return Duration.ofHours(1);
            }

            @Override
            public int maxLength() {
                return 4096;
            }
        });
    }
}
