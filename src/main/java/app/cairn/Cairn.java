package app.cairn;

import app.cairn.account.AccountRoutes;
import app.cairn.account.AccountService;
import app.cairn.account.ApiTokenService;
import app.cairn.account.PasswordRoutes;
import app.cairn.account.PasswordService;
import app.cairn.account.TokenRoutes;
import app.cairn.admin.AdminRoutes;
import app.cairn.admin.AdminService;
import app.cairn.community.CommunityApi;
import app.cairn.community.CommunityRoutes;
import app.cairn.community.CommunityService;
import app.cairn.community.InvitationRoutes;
import app.cairn.community.InvitationService;
import app.cairn.community.TeamRoutes;
import app.cairn.community.TeamService;
import app.cairn.demo.Demo;
import app.cairn.event.AgendaRoutes;
import app.cairn.event.AgendaService;
import app.cairn.event.EventApiRoutes;
import app.cairn.event.EventRoutes;
import app.cairn.event.EventService;
import app.cairn.event.TemplateService;
import app.cairn.insights.Attendance;
import app.cairn.insights.InsightsRoutes;
import app.cairn.insights.InsightsService;
import app.cairn.config.InstanceSettings;
import app.cairn.config.Settings;
import app.cairn.config.SettingsException;
import app.cairn.mail.MailSender;
import app.cairn.live.ConsoleRoutes;
import app.cairn.live.EventPlans;
import app.cairn.live.Live;
import app.cairn.live.LiveRoutes;
import app.cairn.live.LiveService;
import app.cairn.mail.Mailer;
import app.cairn.mail.Outbox;
import app.cairn.mail.RetryPolicy;
import app.cairn.registration.OrganisationService;
import app.cairn.registration.RegistrationService;
import app.cairn.registration.Reminders;
import app.cairn.store.Database;
import app.cairn.web.Csrf;
import app.cairn.web.HealthRoutes;
import app.cairn.web.HomeRoutes;
import app.cairn.web.Routes;
import app.cairn.web.Templates;
import app.cairn.web.WebServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Cairn's one way in: the command line, and the hand-written wiring of every feature. */
@Command(
        name = "cairn",
        mixinStandardHelpOptions = true,
        versionProvider = Cairn.Version.class,
        description = "Community conversations from invitation to event pack.",
        subcommands = {Cairn.Serve.class, Cairn.PackCommand.class, Cairn.ImportCommand.class,
            Cairn.ExportCommand.class})
public final class Cairn implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(Cairn.class);

    public static void main(String[] args) {
        int code = new CommandLine(new Cairn())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (e instanceof SettingsException || e instanceof IllegalArgumentException) {
                        cmd.getErr().println("cairn: " + e.getMessage());
                        return 2;
                    }
                    throw e;
                })
                .execute(args);
        if (code != 0) System.exit(code);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Options every command that opens the database shares. */
    static class DatabaseOptions {
        @Option(names = "--data", paramLabel = "DIR",
                description = "Folder for the embedded database (default ./data; env CAIRN_DATA).")
        Path data;

        @Option(names = "--database-url", paramLabel = "URL",
                description = "PostgreSQL JDBC URL instead of the embedded database (env CAIRN_DATABASE_URL; "
                        + "user and password from CAIRN_DATABASE_USER and CAIRN_DATABASE_PASSWORD).")
        String databaseUrl;

        Settings apply(Settings s) {
            if (data != null) s = s.withDataDir(data);
            if (databaseUrl != null) s = s.withDatabaseUrl(databaseUrl);
            return s;
        }
    }

    @Command(
            name = "serve",
            mixinStandardHelpOptions = true,
            description = {
                "Start the web app.",
                "",
                "Environment variables: CAIRN_PORT, CAIRN_DATA, CAIRN_DATABASE_URL, CAIRN_DATABASE_USER,",
                "CAIRN_DATABASE_PASSWORD, CAIRN_BASE_URL (the address people use, e.g. https://cairn.example.org),",
                "CAIRN_DEMO=true, and for mail CAIRN_SMTP_HOST, CAIRN_SMTP_PORT (587), CAIRN_SMTP_USER,",
                "CAIRN_SMTP_PASSWORD, CAIRN_SMTP_STARTTLS (true), CAIRN_MAIL_FROM. Without CAIRN_SMTP_HOST,",
                "mail stays in the outbox that the admin reads in the app. Options win over variables."
            })
    static final class Serve implements Callable<Integer> {
        @Option(names = "--port", paramLabel = "PORT", description = "HTTP port (default 7070; env CAIRN_PORT).")
        Integer port;

        @Option(names = "--base-url", paramLabel = "URL",
                description = "Address people reach Cairn at, used in emailed links (env CAIRN_BASE_URL).")
        String baseUrl;

        @Option(names = "--demo", description = "Load a demo community with a past and an upcoming conversation.")
        boolean demo;

        @CommandLine.Mixin
        DatabaseOptions database = new DatabaseOptions();

        @Override
        public Integer call() throws Exception {
            Settings settings = Settings.fromEnvironment(System.getenv());
            if (port != null) settings = settings.withPort(port);
            if (baseUrl != null) settings = settings.withBaseUrl(java.net.URI.create(baseUrl));
            if (demo) settings = settings.withDemo(true);
            settings = database.apply(settings);
            Instance instance = start(settings, Clock.systemUTC());
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "cairn-shutdown"));
            log.info("cairn started url={} database={}", settings.link("/"), instance.database().vendor());
            Thread.currentThread().join();
            return 0;
        }
    }

    /**
     * The services the command line's import and export use, wired without the web server or any
     * background worker: mail they queue waits in the outbox for {@code serve}.
     */
    static final class Tools implements AutoCloseable {
        final Database database;
        final Wiring wiring;
        final app.cairn.transfer.TransferCli cli;
        final AccountService accounts;
        final app.cairn.transfer.ArchiveService archives;

        Tools(Settings settings, java.io.PrintWriter out) {
            database = Database.open(settings);
            wiring = wire(database, settings, Clock.systemUTC(), app.cairn.live.Wakeups.none());
            Services s = wiring.services();
            accounts = s.accounts();
            archives = s.archives();
            cli = new app.cairn.transfer.TransferCli(accounts, s.communities(), s.events(), s.transfer(), archives,
                    new app.cairn.registration.ImportService(s.registrations()), out);
        }

        @Override
        public void close() {
            wiring.close();
            database.close();
        }

        /** Brings an archive into an empty instance (as a made-up organiser); returns the new event's number. */
        static String bringInArchive(Settings settings, byte[] bytes) {
            if (!app.cairn.transfer.ArchiveService.isArchive(bytes)) {
                throw new IllegalArgumentException("that file is not a Cairn event archive (make one with 'cairn export')");
            }
            try (Tools tools = new Tools(settings, new java.io.PrintWriter(java.io.OutputStream.nullOutputStream()))) {
                long account = tools.accounts.signUp(new AccountService.SignUp("Pack writer", "pack-writer@localhost.invalid",
                        app.cairn.account.Tokens.newSecret()), true).id();
                long community = tools.archives.communityNamed(account,
                        app.cairn.transfer.ArchiveService.communityOf(bytes));
                return Long.toString(tools.archives.importArchive(account, community, bytes).eventId());
            }
        }
    }

    /** Runs a command line action, turning a refusal from a service into a message and exit code 2. */
    static int tool(DatabaseOptions database, CommandLine.Model.CommandSpec spec,
            java.util.function.ToIntFunction<app.cairn.transfer.TransferCli> action) {
        var out = spec.commandLine().getOut();
        try (Tools tools = new Tools(database.apply(Settings.fromEnvironment(System.getenv())), out)) {
            return action.applyAsInt(tools.cli);
        } catch (app.cairn.common.Invalid e) {
            out.println("cairn: " + String.join(" ", e.fields().values()));
            return 2;
        } catch (app.cairn.transfer.TransferProblem | app.cairn.common.NotFound | app.cairn.common.Forbidden e) {
            out.println("cairn: " + e.getMessage());
            return 2;
        } finally {
            out.flush();
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Bring files from other tools (Zoom and Teams chats, Teams attendance, breakout notes,",
                "Slido and Mentimeter results, registration sheets) or Cairn event archives into an event."})
    static final class ImportCommand implements Callable<Integer> {
        @Option(names = "--event", paramLabel = "ID|SLUG", description = "The event: its id, its slug, or community-slug/event-slug.")
        String event;

        @Option(names = "--create", description = "Create the event first (with --title, --starts, --zone, --template, --community).")
        boolean create;

        @Option(names = "--title") String title;
        @Option(names = "--starts", paramLabel = "2021-03-09T10:00") String starts;
        @Option(names = "--zone", paramLabel = "Europe/London") String zone;
        @Option(names = "--template", paramLabel = "ID", defaultValue = "community-conversation-2-hours") String template;
        @Option(names = "--community", paramLabel = "NAME", description = "Community for --create or an archive (created if new).")
        String community;
        @Option(names = "--as", paramLabel = "EMAIL", description = "Act as this account (default: the first account).")
        String as;
        @Option(names = "--match", paramLabel = "NAME=EMAIL", description = "Match a sender to the registration with this email.")
        Map<String, String> match = new java.util.LinkedHashMap<>();
        @Option(names = "--host", paramLabel = "NAME", description = "A sender who hosted: their words are the organiser's.")
        List<String> hosts = new ArrayList<>();

        @CommandLine.Parameters(paramLabel = "FILE", arity = "1..*") List<Path> files;

        @CommandLine.Mixin DatabaseOptions database = new DatabaseOptions();

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return tool(database, spec, cli -> {
                long account = cli.account(as);
                Long eventId = create ? Long.valueOf(cli.create(account,
                        new app.cairn.transfer.TransferCli.Create(title, starts, zone, template, community)))
                        : event == null ? null : Long.valueOf(cli.event(account, event));
                return cli.importFiles(account, eventId, community, files, match, java.util.Set.copyOf(hosts));
            });
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Export an event as a Cairn event archive (.zip).")
    static final class ExportCommand implements Callable<Integer> {
        @Option(names = "--event", required = true, paramLabel = "ID|SLUG") String event;
        @Option(names = "--out", required = true, paramLabel = "FILE") Path out;
        @Option(names = "--as", paramLabel = "EMAIL", description = "Act as this account (default: the first account).")
        String as;

        @CommandLine.Mixin DatabaseOptions database = new DatabaseOptions();

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return tool(database, spec, cli -> {
                long account = cli.account(as);
                cli.export(account, cli.event(account, event), out);
                return 0;
            });
        }
    }

    @Command(
            name = "pack",
            mixinStandardHelpOptions = true,
            description = {"Write an event's pack to a file, as it is now (published or not).",
                "The event is its number, or its address in a community as COMMUNITY/EVENT (e.g. lanterns/kindness-at-work)."})
    static final class PackCommand implements Callable<Integer> {
        @Option(names = "--event", paramLabel = "EVENT", description = "Event number or COMMUNITY/EVENT.")
        String event;

        @Option(names = "--archive", paramLabel = "FILE",
                description = "Write the pack from an event archive (made by 'cairn export') instead of the database.")
        Path archive;

        @Option(names = "--format", required = true, paramLabel = "FORMAT",
                description = "pdf, html, docx or csv (a zip of the data behind each chart, as CSV and XLSX).")
        String format;

        @Option(names = "--out", required = true, paramLabel = "PATH", description = "File to write.")
        Path out;

        @CommandLine.Mixin
        DatabaseOptions database = new DatabaseOptions();

        @Override
        public Integer call() throws Exception {
            Settings settings = database.apply(Settings.fromEnvironment(System.getenv()));
            if ((event == null) == (archive == null)) {
                throw new IllegalArgumentException("give the event with --event, or an archive with --archive (one of them)");
            }
            if (archive != null) {
                // An archive is read into a throwaway embedded database, and the pack written from there.
                Path scratch = java.nio.file.Files.createTempDirectory("cairn-pack-");
                settings = Settings.fromEnvironment(Map.of()).withDataDir(scratch);
                event = Tools.bringInArchive(settings, java.nio.file.Files.readAllBytes(archive));
            }
            try (Database db = Database.open(settings);
                    var sources = packServicesOn(db, settings, Clock.systemUTC())) {
                byte[] bytes = app.cairn.pack.PackFiles.write(sources, event, format);
                java.nio.file.Files.write(out, bytes);
                System.out.println("wrote " + out + " (" + bytes.length + " bytes)");
            }
            return 0;
        }
    }

    /**
     * The services a pack is written from, without the web server or background workers (for the
     * command line and benchmarks). Close the returned value to stop the live log reader.
     */
    public static app.cairn.pack.PackFiles.Sources packServicesOn(Database database, Settings settings, Clock clock) {
        // Curated themes are read as they were saved; the embedding worker is not started here.
        Wiring w = wire(database, settings, clock, app.cairn.live.Wakeups.none());
        Services s = w.services();
        return new app.cairn.pack.PackFiles.Sources(s.packs(), s.events(), s.communities(), s.team(),
                new app.cairn.pack.PackRender(new Templates()), w);
    }

    /** A running Cairn: its database and web server, and the services tests and the demo use. */
    public record Instance(Settings settings, Database database, WebServer web, Services services,
            List<AutoCloseable> workers) implements AutoCloseable {
        public int port() {
            return web.port();
        }

        /** Stops taking requests, then the background workers (last started, first stopped), then the database. */
        @Override
        public void close() {
            try {
                web.stop();
            } finally {
                for (int i = workers.size() - 1; i >= 0; i--) {
                    try {
                        workers.get(i).close();
                    } catch (Exception e) {
                        log.warn("stopping a worker failed reason={}", e.toString());
                    }
                }
                database.close();
            }
        }
    }

    /** Every feature's service, wired once. */
    public record Services(
            InstanceSettings instanceSettings,
            Mailer mailer,
            AccountService accounts,
            ApiTokenService apiTokens,
            CommunityService communities,
            PasswordService passwords,
            AdminService admin,
            TeamService team,
            InvitationService invitations,
            TemplateService templates,
            EventService events,
            AgendaService agendas,
            LiveService live,
            RegistrationService registrations,
            OrganisationService organisations,
            InsightsService insights,
            app.cairn.themes.ThemeService themes,
            app.cairn.feedback.FeedbackService feedback,
            app.cairn.pack.PackService packs,
            app.cairn.transfer.TransferService transfer,
            app.cairn.transfer.ArchiveService archives) {}

    /** Wires and starts Cairn. */
    public static Instance start(Settings settings, Clock clock) {
        Database database = Database.open(settings);
        try {
            return startOn(database, settings, clock);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Every service wired on a database, with the parts that have a life of their own (threads to stop). */
    public record Wiring(Services services, Outbox outbox, Live live, app.cairn.themes.Themes themes)
            implements AutoCloseable {
        /** Stops the live log's reader and the embedding worker (if it was started). */
        @Override
        public void close() {
            themes.close();
            live.close();
        }
    }

    /**
     * Wires every feature's service on a database, by hand, once: the web app ({@link #startOn}), the
     * command line's tools and the pack command all start here. Nothing is started: no web server, no
     * mail sender, no embedding worker, and {@code wakeups} only listen once {@code live.listen()} is called.
     */
    public static Wiring wire(Database database, Settings settings, Clock clock, app.cairn.live.Wakeups wakeups) {
        var jdbi = database.jdbi();
        var instanceSettings = new InstanceSettings(jdbi);
        var mailer = new Outbox(jdbi, clock, settings.mail().smtpConfigured());
        var accounts = new AccountService(jdbi, instanceSettings, clock);
        var apiTokens = new ApiTokenService(jdbi, clock);
        var communities = new CommunityService(jdbi, clock);
        var passwords = new PasswordService(jdbi, accounts, mailer, settings, clock);
        var admin = new AdminService(accounts, instanceSettings, mailer);
        var team = new TeamService(jdbi, communities, accounts);
        var invitations = new InvitationService(jdbi, communities, accounts, mailer, settings::link, clock);
        var templateService = new TemplateService(jdbi, communities, clock);
        var events = new EventService(jdbi, communities, templateService, clock);
        var agendas = new AgendaService(jdbi, events, communities, clock);
        var live = new Live(jdbi, clock, json(), new EventPlans(events, communities),
                id -> accounts.byId(id).map(app.cairn.account.Account::name).orElse("Host"), mailer, wakeups);
        var organisations = new OrganisationService(jdbi, communities, clock);
        organisations.loadDirectory();
        var registrations = new RegistrationService(jdbi, events, communities, organisations, mailer, instanceSettings,
                settings::link, settings.baseUrl().getHost(), clock);
        // "Attended" means joined live with the personal link: the participants who carry a registration id.
        Attendance attendance = eventId -> live.service().participants(eventId).stream()
                .map(app.cairn.live.Participant::registrationId).filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.toSet());
        var insights = new InsightsService(registrations, events, communities, attendance, clock);
        var themes = new app.cairn.themes.Themes(jdbi, live.service(), registrations, communities, clock);
        var feedback = new app.cairn.feedback.FeedbackService(jdbi, events, communities, live.service(), registrations,
                mailer, settings::link, clock);
        var packs = new app.cairn.pack.PackService(jdbi, events, communities, registrations, insights, live.service(),
                feedback, mailer, settings::link, clock);
        packs.useThemes(packThemes(themes.service(), packs.handThemes()));
        var transfer = new app.cairn.transfer.TransferService(jdbi, registrations, live.service(), feedback,
                id -> accounts.byId(id).map(app.cairn.account.Account::name).orElse(null), clock);
        var services = new Services(instanceSettings, mailer, accounts, apiTokens, communities, passwords, admin, team,
                invitations, templateService, events, agendas, live.service(), registrations, organisations, insights,
                themes.service(), feedback, packs, transfer,
                new app.cairn.transfer.ArchiveService(events, agendas, communities, registrations, live.service(), packs,
                        themes.service(), feedback, clock));
        return new Wiring(services, mailer, live, themes);
    }

    /** Wires and starts Cairn on an open database (tests open one per run). */
    public static Instance startOn(Database database, Settings settings, Clock clock) {
        Wiring wiring = wire(database, settings, clock, wakeups(database, settings.cluster()));
        Services services = wiring.services();
        Live live = wiring.live();
        var themes = wiring.themes();
        live.onAdvance(themes.worker()::advanced);
        var jdbi = database.jdbi();
        var mailer = wiring.outbox();
        var mailSender = new MailSender(mailer, settings.mail(), settings.baseUrl().getHost(), RetryPolicy.DEFAULT, clock);
        var instanceSettings = services.instanceSettings();
        var accounts = services.accounts();
        var apiTokens = services.apiTokens();
        var communities = services.communities();
        var passwords = services.passwords();
        var admin = services.admin();
        var team = services.team();
        var invitations = services.invitations();
        var templateService = services.templates();
        var events = services.events();
        var agendas = services.agendas();
        var registrations = services.registrations();
        var insights = services.insights();
        var feedback = services.feedback();
        var packs = services.packs();
        var transfer = services.transfer();
        if (settings.demo()) Demo.standard(services, settings, clock).load();

        var templates = new Templates();
        var csrf = new Csrf(instanceSettings.csrfSecret(), settings.secureCookies())
                .exemptJsonApi("/api/v1/live/[^/]+/join");
        var accountRoutes = new AccountRoutes(accounts, apiTokens, templates, settings.secureCookies(), clock);
        List<Routes> routes = new ArrayList<>();
        routes.add(new HealthRoutes(database::problem, database.vendor().name().toLowerCase(java.util.Locale.ROOT),
                Version.number(), live.wakeups().transport(), live.wakeups()::problem));
        routes.add(new HomeRoutes(templates));
        routes.add(accountRoutes);
        routes.add(new PasswordRoutes(passwords, accountRoutes, templates, mailer.smtpConfigured(), clock));
        routes.add(new TokenRoutes(apiTokens, accounts, templates, settings.link("/api/v1/me")));
        routes.add(new AdminRoutes(admin, templates));
        routes.add(new CommunityRoutes(communities, team, invitations, templates, clock,
                conversationsOf(events, communities, clock)));
        routes.add(new TeamRoutes(communities, team, invitations, templates, clock));
        routes.add(new InvitationRoutes(invitations, accounts, templates, accountRoutes::setSessionCookie, clock));
        routes.add(new CommunityApi(communities, team, invitations, clock));
        routes.add(new EventRoutes(events, templateService, communities, templates));
        routes.add(new AgendaRoutes(events, agendas, communities, templates));
        routes.add(new EventApiRoutes(events, agendas, templateService, communities));
        var console = new ConsoleRoutes(live, jdbi, communities, templates, settings::link,
                email -> accounts.byEmail(email).map(app.cairn.account.Account::id));
        routes.add(new LiveRoutes(live, templates, settings.secureCookies(), clock, token -> registrations.ticket(token)
                .map(t -> new app.cairn.live.Tickets.Ticket(t.registrationId(), t.eventId(), t.name(), t.role(),
                        t.organisation(), t.sector(), t.email()))));
        routes.add(console);
        var rooms = new app.cairn.rooms.RoomsService(live.service(),
                new app.cairn.rooms.SeriesHistory(events, live.service()),
                new app.cairn.rooms.RegistrationAnswers(registrations), clock);
        java.util.function.LongFunction<String> hostNames =
                id -> accounts.byId(id).map(app.cairn.account.Account::name).orElse("Host");
        routes.add(new app.cairn.rooms.RoomsRoutes(rooms, communities, templates, hostNames));
        routes.add(new app.cairn.rooms.ParticipantRoomRoutes(rooms, templates, hostNames, clock));

        app.cairn.registration.RegistrationRoutes.addAll(routes, registrations, communities, templates, clock);
        routes.add(new InsightsRoutes(insights, communities, templates));
        routes.add(new app.cairn.themes.ThemeRoutes(themes.service(), templates));
        routes.add(new app.cairn.feedback.FeedbackRoutes(feedback, live.service(), templates));
        routes.add(new app.cairn.pack.PackRoutes(packs, new app.cairn.pack.PackRender(templates), templates,
                settings.secureCookies()));
        // A participant answers by their emailed link: the secret link is the credential, as for joining.
        csrf.exemptJsonApi("/api/v1/feedback/[^/]+");
        routes.add(new app.cairn.transfer.TransferRoutes(transfer, registrations,
                new app.cairn.registration.ImportService(registrations), communities, templates));
        routes.add(new app.cairn.transfer.TransferApi(transfer));
        routes.add(new app.cairn.transfer.ArchiveRoutes(services.archives(), registrations, communities, templates));
        // People register from anywhere (another site's form): that JSON acts for no one's session.
        csrf.exemptJsonApi("/api/v1/public/.*");

        var web = new WebServer(settings, templates, csrf, accountRoutes::authenticate, json(), routes,
                live.streamHandler(console.gate(accounts)));
        // Open streams end first, or stopping would wait for them; the sequencer stops after the last request.
        web.onStopping(live.hub()::close);
        var reminders = new Reminders(registrations, clock, java.time.Duration.ofMinutes(1));
        List<AutoCloseable> workers = List.of(live, mailSender, reminders, themes);
        mailSender.start();
        themes.start();
        try {
            web.start();
        } catch (RuntimeException e) {
            themes.close();
            mailSender.close();
            live.close();
            throw e;
        }
        reminders.start();
        live.listen();
        return new Instance(settings, database, web, services, workers);
    }

    /**
     * The pack's themes: those curated in the themes workspace, stream by stream, then any grouped
     * by hand in the pack editor. The pack reads only; both give text and counts, never names.
     */
    static app.cairn.pack.PackThemes packThemes(app.cairn.themes.ThemeService curated, app.cairn.pack.PackThemes hand) {
        return eventId -> {
            List<app.cairn.pack.PackTheme> all = new ArrayList<>();
            for (var stream : curated.curatedForEvent(eventId)) {
                // Breakout notes go to the pack's breakout section; everything else to the themes section.
                String key = stream.kind().equals("rooms") ? "rooms" : stream.kind();
                for (var t : stream.themes()) {
                    all.add(new app.cairn.pack.PackTheme(key, stream.title(), t.label(), t.summary(), t.people(), t.quotes()));
                }
            }
            all.addAll(hand.themes(eventId));
            return all;
        };
    }

    /** How this node hears the others: LISTEN/NOTIFY on PostgreSQL unless told otherwise; nothing on H2. */
    static app.cairn.live.Wakeups wakeups(Database database, Settings.Cluster cluster) {
        boolean postgres = database.vendor() == Database.Vendor.POSTGRESQL;
        String transport = cluster.wakeups().equals("auto") ? (postgres ? "postgres" : "none") : cluster.wakeups();
        return switch (transport) {
            case "postgres" -> {
                if (!postgres) {
                    throw new SettingsException("CAIRN_WAKEUPS=postgres needs PostgreSQL: set CAIRN_DATABASE_URL, "
                            + "or leave CAIRN_WAKEUPS unset for one node on the embedded database.");
                }
                yield new app.cairn.cluster.PostgresWakeups(database::openDedicated, database.schema());
            }
            case "redis" -> new app.cairn.cluster.RedisWakeups(cluster.redisUrl().orElseThrow(),
                    postgres ? database.schema() : "embedded");
            default -> app.cairn.live.Wakeups.none();
        };
    }

    /** A community's conversations for its page: upcoming first (soonest first), then the latest past ones. */
    static app.cairn.community.Conversations conversationsOf(EventService events, CommunityService communities,
            Clock clock) {
        var when = java.time.format.DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm zzz", java.util.Locale.UK);
        return (accountId, communityId) -> {
            String slug = communities.get(communityId).slug();
            var now = clock.instant();
            var all = events.list(accountId, communityId);
            var upcoming = all.stream().filter(e -> !e.pastAt(now))
                    .sorted(java.util.Comparator.comparing(e -> e.event().start().toInstant())).toList();
            var past = all.stream().filter(e -> e.pastAt(now))
                    .sorted(java.util.Comparator.comparing((app.cairn.event.EventSummary e) -> e.event().start().toInstant())
                            .reversed())
                    .limit(5).toList();
            var out = new ArrayList<app.cairn.community.Conversations.Link>();
            for (var e : upcoming) out.add(link(slug, e, when, e.event().cancelled() ? "Cancelled" : ""));
            for (var e : past) out.add(link(slug, e, when, e.event().cancelled() ? "Cancelled" : "Past"));
            return out;
        };
    }

    private static app.cairn.community.Conversations.Link link(String slug, app.cairn.event.EventSummary e,
            java.time.format.DateTimeFormatter when, String status) {
        return new app.cairn.community.Conversations.Link(e.event().title(), e.event().start().format(when),
                "/c/" + slug + "/events/" + e.event().id(), status);
    }

    /** The JSON mapper for the API: ISO-8601 dates and times, not numbers. */
    public static ObjectMapper json() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /** The version from the jar's manifest, or "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        static String number() {
            String v = Cairn.class.getPackage().getImplementationVersion();
            return v == null ? "dev" : v;
        }

        @Override
        public String[] getVersion() {
            return new String[] {"Cairn " + number()};
        }
    }
}
