package app.cairn.demo;

import app.cairn.Cairn;
import app.cairn.account.Account;
import app.cairn.account.AccountService;
import app.cairn.config.Settings;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo that {@code serve --demo} loads: a demo organiser, a community in the style of a real
 * leadership programme, and its conversations, so a new user sees each feature at work. Running
 * it again adds nothing: each step runs once and is recorded.
 */
public final class Demo {
    public static final String EMAIL = "demo@cairn.example";
    public static final String PASSWORD = "demo-cairn-2026";
    public static final String NAME = "Demo Organiser";
    private static final Logger log = LoggerFactory.getLogger(Demo.class);

    private final Cairn.Services services;
    private final Settings settings;
    private final Clock clock;
    private final List<DemoStep> steps;

    public Demo(Cairn.Services services, Settings settings, Clock clock, List<DemoStep> steps) {
        this.services = services;
        this.settings = settings;
        this.clock = clock;
        this.steps = List.copyOf(steps);
    }

    /** Every feature's step, in the order they build on each other. Later features add theirs here. */
    public static Demo standard(Cairn.Services services, Settings settings, Clock clock) {
        return new Demo(services, settings, clock, List.of(new PlanningDemo(), new RegistrationDemo(), new LiveDemo(),
                new ThemesDemo(), new PackDemo(), new TransferDemo()));
    }

    public void load() {
        Account organiser = services.accounts().byEmail(EMAIL).orElseGet(() ->
                // The first account on an instance becomes its admin; the demo organiser is only
                // the admin when nobody else has signed up first.
                services.accounts().signUp(new AccountService.SignUp(NAME, EMAIL, PASSWORD), true));
        DemoContext demo = new DemoContext(services, clock, organiser.id());
        for (DemoStep step : steps) {
            String key = "step." + step.name();
            if (demo.recall(key).isPresent()) continue;
            step.load(demo);
            demo.remember(key, clock.instant().toString());
            log.info("demo step loaded step={}", step.name());
        }
        log.info("demo ready: sign in at {} as {} with password {}", settings.link("/sign-in"), EMAIL, PASSWORD);
    }
}
