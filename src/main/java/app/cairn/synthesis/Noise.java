package app.cairn.synthesis;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises what is said in every chat but is not a theme: reactions ("+1", emoji), thanks,
 * greetings and goodbyes, and housekeeping ("can you share the slides?", "you're on mute").
 * Such messages are counted, not themed.
 */
final class Noise {
    /** What kind of noise a message is. */
    enum Kind { REACTION, THANKS, GREETING, HOUSEKEEPING }

    private static final Pattern WORD = Pattern.compile("[\\p{L}']+");
    private static final Set<String> THANKS = Set.of("thanks", "thank", "ty", "thx", "cheers", "ta", "merci", "gracias", "danke", "diolch");
    private static final Set<String> GREETINGS = Set.of("hi", "hello", "hey", "hiya", "morning", "afternoon", "evening",
            "bye", "goodbye", "welcome", "bonjour", "hola", "shwmae");
    /** Words that carry no content in a short message; a message made only of these is noise. */
    private static final Set<String> FILLER = Set.of(
            "thanks", "thank", "ty", "thx", "cheers", "ta", "merci", "gracias", "danke", "diolch",
            "hi", "hello", "hey", "hiya", "morning", "afternoon", "evening", "bye", "goodbye", "welcome", "bonjour", "hola", "shwmae",
            "good", "great", "brilliant", "lovely", "excellent", "fab", "fabulous", "fantastic", "wonderful", "amazing", "nice",
            "super", "awesome", "cool", "perfect", "helpful", "useful", "interesting", "inspiring", "powerful", "insightful",
            "agree", "agreed", "totally", "completely", "absolutely", "definitely", "exactly", "indeed", "true", "so", "very",
            "much", "many", "really", "yes", "yeah", "yep", "yup", "no", "nope", "ok", "okay", "same", "here", "me", "too",
            "also", "well", "said", "point", "points", "love", "this", "that", "these", "all", "everyone", "everybody", "folks",
            "you", "your", "i", "a", "an", "the", "and", "is", "it", "it's", "what", "such", "for", "from", "to", "of", "with",
            "session", "talk", "today", "again", "sharing", "share", "speaker", "presentation", "plus", "one", "wow", "oh",
            "ah", "haha", "lol", "hear", "there", "was", "has", "been", "see", "later", "soon", "take", "care", "will", "do",
            "done", "both", "lot", "lots", "bit", "am", "are", "we", "us", "our", "everything", "always", "now", "+");
    private static final Pattern HOUSEKEEPING = Pattern.compile(
            "\\bslides?\\b|\\bslide deck\\b|\\b(?:is|was|will)\\s+(?:this|it|the\\s+\\w+)\\s+(?:be\\s+|being\\s+)?recorded\\b|\\bthe recording\\b"
                    + "|\\b(?:share|send|post|drop|paste|put|where'?s|where is)\\b.{0,24}\\b(?:the|a|that)\\s+link\\b|\\blinks?\\s+(?:please|pls)\\b"
                    + "|\\bon mute\\b|\\bmuted\\b|\\bunmute\\b|\\bcan'?t hear\\b|\\bcannot hear\\b|\\bcan you hear\\b|\\bno (?:sound|audio)\\b"
                    + "|\\b(?:your|my)\\s+(?:mic|microphone|audio|sound|camera)\\b|\\b(?:you'?re|you are|it'?s|screen)\\s+(?:frozen|froze|freezing)\\b|\\blagging\\b"
                    + "|\\b(?:bad|poor|dropped)\\s+connection\\b|\\bdrop(?:ping)? off\\b|\\bhave to (?:go|leave|dash|drop)\\b|\\b(?:leave|leaving) early\\b"
                    + "|\\b(?:got|gotta) (?:to )?go\\b|\\bsign(?:ing)? off\\b|\\bwhich (?:breakout )?room\\b|\\bchat box\\b",
            Pattern.CASE_INSENSITIVE);
    private static final int SHORT = 8;
    private static final int HOUSEKEEPING_WORDS = 14;

    private Noise() {}

    /** The kind of noise a cleaned message is, or null if it may carry a theme. */
    static Kind classify(String cleaned) {
        if (!Texts.hasLetter(cleaned)) return Kind.REACTION;
        int words = Texts.words(cleaned);
        if (words <= HOUSEKEEPING_WORDS && HOUSEKEEPING.matcher(cleaned).find()) return Kind.HOUSEKEEPING;
        if (words > SHORT) return null;
        var m = WORD.matcher(cleaned.toLowerCase(Locale.ROOT));
        boolean thanks = false;
        boolean greeting = false;
        while (m.find()) {
            String w = m.group();
            if (!FILLER.contains(w)) return null;
            thanks |= THANKS.contains(w);
            greeting |= GREETINGS.contains(w);
        }
        return thanks ? Kind.THANKS : greeting ? Kind.GREETING : Kind.REACTION;
    }
}
