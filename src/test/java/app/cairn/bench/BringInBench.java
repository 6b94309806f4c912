package app.cairn.bench;

import app.cairn.store.Database;
import app.cairn.testing.TestServer;
import app.cairn.transfer.TransferService;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * {@code bench/bring-in N [h2|postgresql]}: brings a Zoom chat of N messages from 60 senders (with
 * a reflection prompt and answers) into a past 2-hour conversation, through the service the web
 * page and the command line use. Reports the preview and import times, and that a second import
 * adds nothing.
 */
public final class BringInBench {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        Database.Vendor vendor = args.length > 1 && args[1].equalsIgnoreCase("postgresql") ? Database.Vendor.POSTGRESQL
                : Database.Vendor.H2;
        try (TestServer server = TestServer.start(vendor)) {
            var s = server.services();
            var account = s.accounts().signUp(new app.cairn.account.AccountService.SignUp("Sam Host", "sam@cairn.example",
                    "correct horse battery"), false);
            var community = s.communities().create(account.id(),
                    new app.cairn.community.CommunityService.Details("Tayside Leaders", "", "", ""));
            var plan = s.events().create(account.id(), community.id(), "community-conversation-2-hours",
                    new app.cairn.event.EventInput("Making space to reflect", "",
                            app.cairn.event.EventInput.DateInput.iso("2021-03-09"), "10:00", "Europe/London", List.of(),
                            "", "", ""));
            long eventId = plan.event().id();
            StringBuilder chat = new StringBuilder();
            for (int i = 0; i < n; i++) {
                int second = 10 * 3600 + i * (7200 / Math.max(1, n));
                String time = String.format("%02d:%02d:%02d", second / 3600, second / 60 % 60, second % 60);
                if (i == n * 96 / 120) {
                    chat.append(time).append(" From Sam Host to Everyone: What is your one key reflection?\n");
                } else {
                    chat.append(time).append(" From Person ").append(i % 60).append(" to Everyone: thought number ")
                            .append(i).append(" about making time to reflect\n");
                }
            }
            var files = List.of(new TransferService.Upload("chat.txt", chat.toString().getBytes(StandardCharsets.UTF_8)));
            long t0 = System.nanoTime();
            var preview = s.transfer().preview(account.id(), eventId, files, Map.of());
            long t1 = System.nanoTime();
            var result = s.transfer().importFiles(account.id(), eventId, files, Map.of());
            long t2 = System.nanoTime();
            var again = s.transfer().importFiles(account.id(), eventId, files, Map.of());
            long t3 = System.nanoTime();
            System.out.println("vendor=" + vendor.name().toLowerCase() + " messages=" + n + " planned=" + preview.items().size()
                    + " added=" + result.added() + " preview_ms=" + (t1 - t0) / 1_000_000 + " import_ms=" + (t2 - t1) / 1_000_000
                    + " items_per_s=" + (long) (result.added() / ((t2 - t1) / 1e9)) + " again_added=" + again.added()
                    + " again_ms=" + (t3 - t2) / 1_000_000);
        }
    }
}
