package app.cairn.registration;

import app.cairn.config.InstanceSettings;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Personal links for registrations ({@code /j/{token}}, {@code /r/{token}/cancel}). A token is the
 * registration id and an HMAC of it and the registration's random salt under the instance's
 * registration secret, so it can be made again for every reminder and nothing usable is stored.
 * See docs/decisions/0008-registration-tokens.md.
 */
final class RegistrationTokens {
    private static final String SECRET_SETTING = "registration_token_secret";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final byte[] secret;

    RegistrationTokens(byte[] secret) {
        this.secret = secret.clone();
    }

    /** The instance's registration secret, made once and shared by every node through the database. */
    static RegistrationTokens of(InstanceSettings settings) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        settings.claim(SECRET_SETTING, Base64.getEncoder().encodeToString(fresh));
        return new RegistrationTokens(Base64.getDecoder().decode(settings.get(SECRET_SETTING).orElseThrow()));
    }

    /** A new random salt for a registration. */
    static String salt() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    String token(long registrationId, String salt) {
        return registrationId + "." + mac(registrationId, salt);
    }

    /** The registration id a token claims, before it is checked; empty when it is not shaped like a token. */
    static Optional<Long> idOf(String token) {
        if (token == null || token.length() > 80) return Optional.empty();
        int dot = token.indexOf('.');
        if (dot < 1 || dot > 18) return Optional.empty();
        try {
            return Optional.of(Long.parseLong(token.substring(0, dot)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether the token is the one made for this registration (compared in constant time). */
    boolean matches(String token, long registrationId, String salt) {
        byte[] expected = token(registrationId, salt).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.US_ASCII));
    }

    private String mac(long id, String salt) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal(("registration:" + id + ":" + salt).getBytes(StandardCharsets.UTF_8));
            // 20 bytes (160 bits) is far beyond guessing, and keeps links short enough to read aloud.
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 20));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this Java runtime", e);
        }
    }
}
