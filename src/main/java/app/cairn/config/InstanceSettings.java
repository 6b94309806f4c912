package app.cairn.config;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Settings an admin changes in the app (e.g. whether anyone may sign up), and the instance's secrets. */
public final class InstanceSettings {
    public static final String SIGNUPS_OPEN = "signups_open";
    private static final String CSRF_SECRET = "csrf_secret";

    private final Jdbi jdbi;

    public InstanceSettings(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<String> get(String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT setting_value FROM instance_settings WHERE setting_name = :name")
                .bind("name", name)
                .mapTo(String.class)
                .findOne());
    }

    public void set(String name, String value) {
        jdbi.useTransaction(h -> {
            int updated = h.createUpdate("UPDATE instance_settings SET setting_value = :value WHERE setting_name = :name")
                    .bind("name", name)
                    .bind("value", value)
                    .execute();
            if (updated == 0) {
                h.createUpdate("INSERT INTO instance_settings (setting_name, setting_value) VALUES (:name, :value) ON CONFLICT DO NOTHING")
                        .bind("name", name)
                        .bind("value", value)
                        .execute();
            }
        });
    }

    /** Sets the value only if none is set yet; true when this call set it (safe with several nodes). */
    public boolean claim(String name, String value) {
        return jdbi.withHandle(h -> h.createUpdate(
                                "INSERT INTO instance_settings (setting_name, setting_value) VALUES (:name, :value) ON CONFLICT DO NOTHING")
                        .bind("name", name)
                        .bind("value", value)
                        .execute())
                == 1;
    }

    public boolean signupsOpen() {
        return get(SIGNUPS_OPEN).map(Boolean::parseBoolean).orElse(true);
    }

    /** The key that signs CSRF tokens; made once and shared by every node through the database. */
    public byte[] csrfSecret() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        claim(CSRF_SECRET, Base64.getEncoder().encodeToString(fresh));
        return Base64.getDecoder().decode(get(CSRF_SECRET).orElseThrow());
    }
}
