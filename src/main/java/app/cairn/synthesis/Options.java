package app.cairn.synthesis;

import java.util.List;

/**
 * How to synthesise: how fine the themes are, or exactly how many; themes the organiser has in
 * mind; how many quotes and key phrases to return. {@link #automatic()} is the default.
 *
 * @param granularity   fewer, broader themes or more, narrower ones than the data suggests
 * @param themes        exactly this many themes per stream (besides seeds), or 0 to let the data decide
 * @param seeds         themes to fill first
 * @param quotes        representative quotes per theme (2 or 3 reads best)
 * @param keyPhrases    at most this many repeated key phrases per stream
 */
public record Options(Granularity granularity, int themes, List<SeedTheme> seeds, int quotes, int keyPhrases) {
    /** How fine the suggested themes are. */
    public enum Granularity {
        FEWER(0.5), AUTOMATIC(1.0), MORE(2.0);

        /** Multiplies the resolution of the grouping: higher finds more, smaller themes. */
        final double factor;

        Granularity(double factor) {
            this.factor = factor;
        }
    }

    public Options {
        if (granularity == null) granularity = Granularity.AUTOMATIC;
        if (themes < 0) throw new IllegalArgumentException("themes must be 0 (automatic) or more");
        seeds = seeds == null ? List.of() : List.copyOf(seeds);
        if (quotes < 1) throw new IllegalArgumentException("quotes must be at least 1");
        if (keyPhrases < 0) throw new IllegalArgumentException("keyPhrases must be 0 or more");
    }

    public static Options automatic() {
        return new Options(Granularity.AUTOMATIC, 0, List.of(), 3, 30);
    }

    public Options withGranularity(Granularity g) {
        return new Options(g, themes, seeds, quotes, keyPhrases);
    }

    public Options withThemes(int count) {
        return new Options(granularity, count, seeds, quotes, keyPhrases);
    }

    public Options withSeeds(List<SeedTheme> seedThemes) {
        return new Options(granularity, themes, seedThemes, quotes, keyPhrases);
    }

    public Options withQuotes(int count) {
        return new Options(granularity, themes, seeds, count, keyPhrases);
    }
}
