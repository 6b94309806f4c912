package app.cairn.registration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SectorTest {
    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(textBlock = """
            health,               HEALTH
            Health care,          HEALTH
            Healthcare,           HEALTH
            NHS,                  HEALTH
            social_care,          SOCIAL_CARE
            Social care,          SOCIAL_CARE
            Social work,          SOCIAL_CARE
            Both,                 BOTH
            Health and social care, BOTH
            Both health and social care, BOTH
            Other,                OTHER
            Neither,              OTHER
            """)
    void what_people_write_in_a_sector_column_is_understood(String typed, Sector expected) {
        assertThat(Sector.read(typed)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            ''
            Finance
            """)
    void anything_else_is_no_sector(String typed) {
        assertThat(Sector.read(typed)).isEmpty();
    }
}
