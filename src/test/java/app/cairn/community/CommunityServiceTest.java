package app.cairn.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.cairn.common.Invalid;
import org.junit.jupiter.api.Test;

class CommunityServiceTest {

    @Test
    void slugify_makes_a_readable_web_address_from_a_name() {
        assertThat(CommunityService.slugify("NHS Tayside Leaders' Café")).isEqualTo("nhs-tayside-leaders-cafe");
        assertThat(CommunityService.slugify("  Social Care -- Network!! ")).isEqualTo("social-care-network");
        assertThat(CommunityService.slugify("Ünïcödé Grüße 2026")).isEqualTo("unicode-grusse-2026");
        assertThat(CommunityService.slugify("Øresund Læring")).isEqualTo("oresund-laering");
    }

    @Test
    void slugify_falls_back_when_nothing_readable_is_left() {
        assertThat(CommunityService.slugify("???")).isEqualTo("community");
        assertThat(CommunityService.slugify("山の会")).isEqualTo("community");
    }

    @Test
    void slugify_keeps_long_names_to_sixty_characters_without_a_trailing_dash() {
        String slug = CommunityService.slugify("a".repeat(59) + " bcd efg");
        assertThat(slug).hasSizeLessThanOrEqualTo(60).doesNotEndWith("-").startsWith("a".repeat(59));
    }

    @Test
    void validation_says_what_to_fix_for_each_field() {
        Invalid e = catchThrowableOfType(Invalid.class, () -> CommunityService.validate(
                new CommunityService.Details(" ", "d".repeat(1001), "not-an-email", "x".repeat(41))));
        assertThat(e.fields()).containsExactly(
                java.util.Map.entry("name", "Enter the community's name"),
                java.util.Map.entry("description", "Description must be 1000 characters or fewer"),
                java.util.Map.entry("contactEmail", "Enter a contact email address in the correct format, like name@example.org"),
                java.util.Map.entry("logoText", "Logo text must be 40 characters or fewer"));
    }

    @Test
    void names_and_logo_text_are_kept_to_one_line() {
        var d = CommunityService.validate(new CommunityService.Details("Tayside\r\nBcc: x@example.org", "Two\nlines", "", "T\tL\u0000\u2028N"));
        assertThat(d.name()).isEqualTo("Tayside Bcc: x@example.org");
        assertThat(d.logoText()).isEqualTo("T L N");
        assertThat(d.description()).isEqualTo("Two\nlines");
    }

    @Test
    void validation_trims_what_was_typed_and_allows_optional_fields_to_be_empty() {
        var d = CommunityService.validate(new CommunityService.Details("  Tayside Leaders ", null, "", null));
        assertThat(d.name()).isEqualTo("Tayside Leaders");
        assertThat(d.description()).isEmpty();
        assertThat(d.logoText()).isEmpty();
    }
}
