package app.cairn.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BrandColourTest {

    @Test
    void black_and_white_are_the_ends_of_the_contrast_scale() {
        assertThat(BrandColour.contrastWithWhite("#000000")).isCloseTo(21.0, within(0.01));
        assertThat(BrandColour.contrastWithWhite("#ffffff")).isCloseTo(1.0, within(0.01));
    }

    @Test
    void contrast_matches_known_wcag_values() {
        // Figures as WebAIM's contrast checker gives them.
        assertThat(BrandColour.contrastWithWhite("#767676")).isCloseTo(4.54, within(0.01));
        assertThat(BrandColour.contrastWithWhite("#777777")).isCloseTo(4.48, within(0.01));
        assertThat(BrandColour.contrastWithWhite("#0000ff")).isCloseTo(8.59, within(0.01));
        assertThat(BrandColour.contrastWithWhite("#22413a")).isGreaterThan(10);
    }

    @Test
    void colours_are_accepted_in_the_usual_ways_of_writing_them() {
        assertThat(BrandColour.normalise("#22413A")).contains("#22413a");
        assertThat(BrandColour.normalise(" 22413a ")).contains("#22413a");
        assertThat(BrandColour.normalise("#abc")).contains("#aabbcc");
        assertThat(BrandColour.normalise("teal")).isEmpty();
        assertThat(BrandColour.normalise("#12345")).isEmpty();
        assertThat(BrandColour.normalise("#22413a; } body { display:none")).isEmpty();
        assertThat(BrandColour.normalise(null)).isEmpty();
    }

    @Test
    void a_colour_just_under_four_and_a_half_to_one_is_refused_with_its_ratio() {
        assertThat(BrandColour.problem("#767676")).isEmpty();
        assertThat(BrandColour.problem("#777777")).contains("Choose a darker brand colour: white text on #777777 has a "
                + "contrast of only 4.4:1, and it needs at least 4.5:1 to be easy to read");
        assertThat(BrandColour.problem("#ffdd00")).get().asString().contains("#ffdd00");
    }

    @Test
    void something_that_is_not_a_colour_gets_an_example_of_one() {
        assertThat(BrandColour.problem("dark green")).contains("Enter the brand colour as a hex colour, like #22413a");
        assertThat(BrandColour.problem("")).contains("Enter the brand colour as a hex colour, like #22413a");
    }

    @Test
    void the_ratio_is_rounded_down_so_it_never_looks_better_than_it_is() {
        assertThat(BrandColour.ratio("#777777")).isEqualTo("4.4:1");
        assertThat(BrandColour.ratio("#000000")).isEqualTo("21.0:1");
    }
}
