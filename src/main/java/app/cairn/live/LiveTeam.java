package app.cairn.live;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Guest hosts and moderators of one conversation (the {@code live_team} table). */
final class LiveTeam {
    private final Jdbi jdbi;

    LiveTeam(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Optional<LiveRole> role(long eventId, long accountId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT role FROM live_team WHERE event_id = :event AND account_id = :account")
                .bind("event", eventId)
                .bind("account", accountId)
                .mapTo(String.class)
                .findOne()
                .map(LiveRole::valueOf));
    }

    void set(long eventId, long accountId, LiveRole role) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM live_team WHERE event_id = :event AND account_id = :account")
                    .bind("event", eventId)
                    .bind("account", accountId)
                    .execute();
            if (role != LiveRole.facilitator) {
                h.createUpdate("INSERT INTO live_team (event_id, account_id, role) VALUES (:event, :account, :role)")
                        .bind("event", eventId)
                        .bind("account", accountId)
                        .bind("role", role.name())
                        .execute();
            }
        });
    }
}
