package app.cairn.account;

import java.time.Instant;

/** The words of the emails about accounts: plain text, warm, and clear about what to do. */
final class Emails {
    private Emails() {}

    static String resetLink(Account account, String link) {
        return """
                Hello %s,

                We received a request to reset the password for your Cairn account (%s).

                To choose a new password, open this link:

                %s

                The link works once, within the next hour.

                If you did not ask for this, you do not need to do anything. Your password has not \
                changed, and nobody can use the link unless they can read your email. If these emails \
                keep arriving when you have not asked for them, please tell the person who runs this Cairn.

                With best wishes,
                Cairn
                """.formatted(account.name(), account.email(), link);
    }

    static String passwordChanged(Account account, Instant when, String forgotLink) {
        return """
                Hello %s,

                The password for your Cairn account (%s) was changed on %s (UK time). Any other \
                browser that was signed in to your account has been signed out.

                If you changed it, there is nothing more to do.

                If you did not, someone else may know your password. Please reset it straight away here:

                %s

                and tell the person who runs this Cairn.

                With best wishes,
                Cairn
                """.formatted(account.name(), account.email(), Times.format(when), forgotLink);
    }
}
