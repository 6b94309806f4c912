package app.cairn.synthesis;

import java.util.List;
import java.util.Map;

/**
 * What the synthesiser suggests for each stream: themes with their quotes and members, the key
 * phrases many people used, and the noise it counted. Facilitators curate from here.
 *
 * @param model the embedding model used, so a later run can tell whether it is comparable
 */
public record Suggestions(String model, List<Stream> streams) {

    /** The stream with this name, or null. */
    public Stream stream(String name) {
        return streams.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    /**
     * One stream's suggestions.
     *
     * @param items      contributions read (including noise)
     * @param people     distinct people who contributed
     * @param themes     seed themes first (in the organiser's order), then by people, largest first
     * @param unthemed   contributions that fit no theme
     * @param keyPhrases phrases used by two or more people, most people first
     */
    public record Stream(String name, int items, int people, List<Theme> themes, List<Member> unthemed,
                         List<KeyPhrase> keyPhrases, NoiseSummary noise) {}

    /**
     * A suggested theme.
     *
     * @param label   a phrase people used, that best names what its members share
     * @param seed    the seed theme's name if this theme came from one, else null
     * @param items   contributions in it, near-duplicates included
     * @param people  distinct people they came from
     * @param quotes  two or three representative and mutually different contributions
     * @param phrases phrases shared by members of this theme, most people first
     * @param members each contribution (near-duplicates collapsed) with why it is here, closest to the centre first
     */
    public record Theme(String label, String seed, int items, int people, List<Quote> quotes, List<String> phrases,
                        List<Member> members) {}

    /** A representative contribution, and how many said (nearly) the same. */
    public record Quote(String itemId, String text, int items, int people) {}

    /**
     * A contribution and its near-duplicates, collapsed.
     *
     * @param itemId       the first of them
     * @param duplicateIds the others that said (nearly) the same
     * @param reason       why it is in its theme (null when unthemed)
     */
    public record Member(String itemId, String text, List<String> duplicateIds, int people, Reason reason) {
        public int items() {
            return 1 + duplicateIds.size();
        }
    }

    /**
     * Why a contribution is in its theme.
     *
     * @param similarity    cosine similarity to the theme's centre (0 to 1)
     * @param closestQuotes ids of the theme's quotes closest to it
     * @param sharedPhrases the theme's phrases it uses
     * @param seedExample   for a seed theme, the name or example it matched
     */
    public record Reason(double similarity, List<String> closestQuotes, List<String> sharedPhrases, String seedExample) {}

    /** A phrase and how many distinct people (and contributions) used it. */
    public record KeyPhrase(String phrase, int people, int items, List<String> itemIds) {}

    /**
     * Messages counted but not themed.
     *
     * @param byKind how many of each kind: REACTION, THANKS, GREETING, HOUSEKEEPING
     * @param messages every noise message (those that read the same counted together), most sent first
     */
    public record NoiseSummary(int items, int people, Map<String, Integer> byKind, List<NoiseCount> messages) {}

    /** One noise message (as most often written), how many sent it, and which items they were. */
    public record NoiseCount(String text, String kind, int items, int people, List<String> itemIds) {}
}
