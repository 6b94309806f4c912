package app.cairn.admin;

import app.cairn.account.Account;
import app.cairn.account.AccountService;
import app.cairn.common.Forbidden;
import app.cairn.common.NotFound;
import app.cairn.config.InstanceSettings;
import app.cairn.mail.Outbox;
import app.cairn.mail.OutboxMessage;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the instance admin sees and switches: the accounts, whether anyone may sign up, and the mail outbox. */
public final class AdminService {
    public static final int OUTBOX_PAGE_SIZE = 25;
    private static final Logger log = LoggerFactory.getLogger(AdminService.class);

    private final AccountService accounts;
    private final InstanceSettings settings;
    private final Outbox outbox;

    public AdminService(AccountService accounts, InstanceSettings settings, Outbox outbox) {
        this.accounts = accounts;
        this.settings = settings;
        this.outbox = outbox;
    }

    /** The admin page: every account, the sign-up switch, and how mail leaves. */
    public record Overview(List<Account> accounts, boolean signupsOpen, boolean smtpConfigured,
            Map<OutboxMessage.Status, Integer> outbox) {}

    public Overview overview(long adminId) {
        requireAdmin(adminId);
        return new Overview(accounts.all(), accounts.signupsOpen(), outbox.smtpConfigured(), outbox.counts());
    }

    public List<Account> accounts(long adminId) {
        requireAdmin(adminId);
        return accounts.all();
    }

    public boolean signupsOpen(long adminId) {
        requireAdmin(adminId);
        return accounts.signupsOpen();
    }

    /** Lets anyone sign up, or only people who are invited. */
    public void setSignupsOpen(long adminId, boolean open) {
        requireAdmin(adminId);
        settings.set(InstanceSettings.SIGNUPS_OPEN, Boolean.toString(open));
        log.info("sign-ups switched open={} by account={}", open, adminId);
    }

    public OutboxMessage.Page outbox(long adminId, int page) {
        requireAdmin(adminId);
        return outbox.page(page, OUTBOX_PAGE_SIZE);
    }

    public OutboxMessage message(long adminId, long messageId) {
        requireAdmin(adminId);
        return outbox.message(messageId).orElseThrow(() -> new NotFound("There is no such message in the outbox."));
    }

    public boolean smtpConfigured() {
        return outbox.smtpConfigured();
    }

    private void requireAdmin(long accountId) {
        if (!accounts.get(accountId).admin()) {
            throw new Forbidden("Only the admin of this Cairn can do this.");
        }
    }
}
