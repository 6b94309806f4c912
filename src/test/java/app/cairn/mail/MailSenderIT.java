package app.cairn.mail;

import static org.assertj.core.api.Assertions.assertThat;

import app.cairn.config.Settings;
import app.cairn.mail.OutboxMessage.Status;
import app.cairn.store.Database;
import app.cairn.testing.Eventually;
import app.cairn.testing.TestDatabases;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MailSenderIT {
    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofMillis(300));
    static final byte[] INVITE = """
            BEGIN:VCALENDAR\r
            VERSION:2.0\r
            METHOD:REQUEST\r
            BEGIN:VEVENT\r
            SUMMARY:Caring across boundaries\r
            END:VEVENT\r
            END:VCALENDAR\r
            """.getBytes(StandardCharsets.UTF_8);

    static Settings.Mail server(int port) {
        return new Settings.Mail(Optional.of("127.0.0.1"), port, Optional.empty(), Optional.empty(),
                "Cairn <cairn@example.org>", false);
    }

    static Mail invitation(String to) {
        return new Mail(to, "You are invited: Caring across boundaries",
                "Hello Priya,\n\nYou have a place at Caring across boundaries. The invitation is attached.",
                List.of(new Mail.Attachment("invite.ics", "text/calendar; method=REQUEST; charset=UTF-8", INVITE)));
    }

    static OutboxMessage only(Outbox outbox) {
        var entries = outbox.page(1, 10).entries();
        assertThat(entries).hasSize(1);
        return outbox.message(entries.get(0).id()).orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void a_queued_message_arrives_with_its_subject_body_and_calendar_invitation(Database.Vendor vendor) throws Exception {
        try (Database db = TestDatabases.open(vendor)) {
            Outbox outbox = new Outbox(db.jdbi(), Clock.systemUTC(), true);
            try (MailSender sender = new MailSender(outbox, server(smtp.getSmtp().getPort()), "cairn.test", FAST,
                    Clock.systemUTC()).start()) {
                outbox.send(invitation("priya@example.org"));

                assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
                MimeMessage received = smtp.getReceivedMessages()[0];
                assertThat(received.getSubject()).isEqualTo("You are invited: Caring across boundaries");
                assertThat(received.getAllRecipients()[0].toString()).isEqualTo("priya@example.org");
                assertThat(received.getFrom()[0].toString()).isEqualTo("Cairn <cairn@example.org>");
                MimeMultipart parts = (MimeMultipart) received.getContent();
                assertThat((String) parts.getBodyPart(0).getContent()).contains("You have a place at Caring across boundaries");
                assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("invite.ics");
                assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/calendar").contains("method=REQUEST");
                assertThat(parts.getBodyPart(1).getInputStream().readAllBytes()).isEqualTo(INVITE);

                Eventually.within(Duration.ofSeconds(5), "the outbox records it as sent",
                        () -> only(outbox).status() == Status.SENT);
                assertThat(only(outbox).attempts()).isEqualTo(1);
                assertThat(only(outbox).sentAt()).isNotNull();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void messages_go_out_in_the_order_they_were_written(Database.Vendor vendor) throws Exception {
        try (Database db = TestDatabases.open(vendor)) {
            Outbox outbox = new Outbox(db.jdbi(), Clock.systemUTC(), true);
            for (int i = 1; i <= 4; i++) outbox.send(new Mail("tom@example.org", "Message " + i, "Number " + i));

            try (MailSender sender = new MailSender(outbox, server(smtp.getSmtp().getPort()), "cairn.test", FAST,
                    Clock.systemUTC()).start()) {
                assertThat(smtp.waitForIncomingEmail(10_000, 4)).isTrue();
                List<String> subjects = Arrays.stream(smtp.getReceivedMessages()).map(m -> {
                    try {
                        return m.getSubject();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
                assertThat(subjects).containsExactly("Message 1", "Message 2", "Message 3", "Message 4");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void when_the_mail_server_cannot_be_reached_the_message_is_tried_again_then_kept_as_failed(Database.Vendor vendor) {
        try (Database db = TestDatabases.open(vendor)) {
            Outbox outbox = new Outbox(db.jdbi(), Clock.systemUTC(), true);
            try (MailSender sender = new MailSender(outbox, server(freePort()), "cairn.test", FAST, Clock.systemUTC()).start()) {
                outbox.send(invitation("priya@example.org"));

                Eventually.within(Duration.ofSeconds(15), "the message is marked failed",
                        () -> only(outbox).status() == Status.FAILED);
                OutboxMessage failed = only(outbox);
                assertThat(failed.attempts()).isEqualTo(FAST.maxAttempts());
                assertThat(failed.lastError()).contains("connect");
                // Nothing is lost: the whole message is still there for the admin to read.
                assertThat(failed.text()).contains("You have a place");
                assertThat(failed.attachments()).extracting(Mail.Attachment::filename).containsExactly("invite.ics");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void a_message_waits_through_an_outage_and_is_sent_when_the_server_returns(Database.Vendor vendor) throws Exception {
        int port = freePort();
        RetryPolicy patient = new RetryPolicy(20, Duration.ofMillis(200), Duration.ofMillis(400));
        try (Database db = TestDatabases.open(vendor)) {
            Outbox outbox = new Outbox(db.jdbi(), Clock.systemUTC(), true);
            try (MailSender sender = new MailSender(outbox, server(port), "cairn.test", patient, Clock.systemUTC()).start()) {
                outbox.send(new Mail("tom@example.org", "Your pack is ready", "Hello Tom, the pack is ready."));
                Eventually.within(Duration.ofSeconds(10), "a failed try is recorded", () -> only(outbox).attempts() >= 1
                        && only(outbox).lastError() != null);
                assertThat(only(outbox).status()).isEqualTo(Status.QUEUED);

                GreenMail returned = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
                returned.start();
                try {
                    assertThat(returned.waitForIncomingEmail(10_000, 1)).isTrue();
                    assertThat(returned.getReceivedMessages()[0].getSubject()).isEqualTo("Your pack is ready");
                    Eventually.within(Duration.ofSeconds(5), "the outbox records it as sent",
                            () -> only(outbox).status() == Status.SENT);
                    assertThat(only(outbox).attempts()).isGreaterThanOrEqualTo(2);
                } finally {
                    returned.stop();
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void without_smtp_messages_are_kept_and_no_sender_runs(Database.Vendor vendor) throws Exception {
        try (Database db = TestDatabases.open(vendor)) {
            Outbox outbox = new Outbox(db.jdbi(), Clock.systemUTC(), false);
            var none = new Settings.Mail(Optional.empty(), 587, Optional.empty(), Optional.empty(), "Cairn <cairn@localhost>", true);
            try (MailSender sender = new MailSender(outbox, none, "cairn.test", FAST, Clock.systemUTC()).start()) {
                outbox.send(invitation("priya@example.org"));

                assertThat(only(outbox).status()).isEqualTo(Status.KEPT);
                assertThat(smtp.waitForIncomingEmail(500, 1)).isFalse();
                assertThat(only(outbox).attempts()).isZero();
            }
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
