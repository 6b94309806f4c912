package app.cairn.registration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegistrationTokensTest {
    final RegistrationTokens tokens = new RegistrationTokens("a secret of thirty-two bytes....".getBytes());

    @Test
    void a_token_is_made_again_the_same_and_names_its_registration() {
        String token = tokens.token(42, "salt");
        assertThat(tokens.token(42, "salt")).isEqualTo(token);
        assertThat(token).startsWith("42.").matches("42\\.[A-Za-z0-9_-]{27}");
        assertThat(RegistrationTokens.idOf(token)).contains(42L);
        assertThat(tokens.matches(token, 42, "salt")).isTrue();
    }

    @Test
    void a_changed_id_salt_secret_or_signature_is_refused() {
        String token = tokens.token(42, "salt");
        assertThat(tokens.matches(token.replace("42.", "43."), 43, "salt")).isFalse();
        assertThat(tokens.matches(token, 42, "other salt")).isFalse();
        assertThat(new RegistrationTokens("another secret, also 32 bytes..".getBytes()).matches(token, 42, "salt")).isFalse();
        assertThat(tokens.matches(token.substring(0, token.length() - 1) + "A", 42, "salt")).isEqualTo(token.endsWith("A"));
        assertThat(RegistrationTokens.idOf("nonsense")).isEmpty();
        assertThat(RegistrationTokens.idOf("x.y")).isEmpty();
        assertThat(RegistrationTokens.idOf(null)).isEmpty();
    }
}
