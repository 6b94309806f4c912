package app.cairn.demo;

/**
 * One feature's part of the demo. Each feature adds a step (planning adds a community and its
 * conversations; later ones add registrations, live contributions and packs) that builds on
 * what earlier steps made, found through {@link DemoContext#recall}.
 */
public interface DemoStep {
    /** A stable name: once a step has run it is recorded under this name and never runs again. */
    String name();

    void load(DemoContext demo);
}
