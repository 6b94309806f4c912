package app.cairn.synthesis;

import java.util.List;

/**
 * A theme the organiser already has in mind: a name, and optionally a few examples of what
 * people might say. Contributions close enough to it are placed there before the rest are grouped.
 */
public record SeedTheme(String name, List<String> examples) {
    public SeedTheme {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("A seed theme needs a name");
        name = name.strip();
        examples = examples == null ? List.of() : examples.stream().filter(e -> e != null && !e.isBlank()).toList();
    }

    public static SeedTheme named(String name, String... examples) {
        return new SeedTheme(name, List.of(examples));
    }
}
