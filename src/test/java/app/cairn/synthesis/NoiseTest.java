package app.cairn.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NoiseTest {
    @ParameterizedTest
    @ValueSource(strings = {"+1", "👍", "👏👏👏", "!!!", "Thanks!", "thank you so much, really helpful", "Great point", "So true",
        "Same here", "Agree!", "Hi everyone", "Good morning all", "Can you share the slides?", "Will the slides be shared after?",
        "Is this being recorded?", "You're on mute", "Sorry, can't hear you", "Sorry I have to drop off early"})
    void short_reactions_thanks_greetings_and_housekeeping_are_noise(String text) {
        assertThat(Noise.classify(Texts.clean(text))).as(text).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Burnout!", "Unpaid carers need respite", "Totally agree, workload is the real issue",
        "We have strong links with the voluntary sector", "Start reflecting!", "Self-reflection",
        "Waiting lists for hip operations are now two years", "Wifi in the community hubs is so poor we can't even access records on visits"})
    void anything_with_content_is_not_noise(String text) {
        assertThat(Noise.classify(Texts.clean(text))).as(text).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+1", "🙂"})
    void messages_without_letters_are_reactions(String text) {
        assertThat(Noise.classify(text)).isEqualTo(Noise.Kind.REACTION);
    }
}
