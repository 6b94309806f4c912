package app.cairn.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrganisationMatcherTest {
    static List<OrganisationDirectory.Listed> directory;
    static OrganisationMatcher matcher;
    static Map<Long, String> names = new HashMap<>();

    @BeforeAll
    static void load() {
        directory = OrganisationDirectory.read();
        List<OrganisationMatcher.Entry> entries = new ArrayList<>();
        long id = 1;
        for (var l : directory) {
            List<String> all = new ArrayList<>(List.of(l.name()));
            all.addAll(l.aliases());
            entries.add(new OrganisationMatcher.Entry(id, all));
            names.put(id++, l.name());
        }
        // A spelling a community merged into NHS Tayside, and a name Cairn does not ship.
        long tayside = names.entrySet().stream().filter(e -> e.getValue().equals("NHS Tayside")).findFirst().orElseThrow().getKey();
        entries.add(new OrganisationMatcher.Entry(tayside, List.of("Tayside Health")));
        entries.add(new OrganisationMatcher.Entry(999, List.of("Strathmore Care Homes Ltd")));
        names.put(999L, "Strathmore Care Homes Ltd");
        matcher = new OrganisationMatcher(entries);
    }

    static Optional<String> match(String typed) {
        return matcher.match(typed).map(names::get);
    }

    @Test
    void the_directory_has_every_board_partnership_and_council_with_a_sector() {
        assertThat(directory.stream().filter(l -> l.kind().equals("territorial NHS board"))).hasSize(14);
        assertThat(directory.stream().filter(l -> l.kind().equals("national NHS board"))).hasSize(8);
        assertThat(directory.stream().filter(l -> l.kind().equals("health and social care partnership"))).hasSize(31);
        assertThat(directory.stream().filter(l -> l.kind().equals("council social work services"))).hasSize(32);
        assertThat(directory.stream().filter(l -> l.kind().equals("national third-sector body")).count()).isGreaterThan(15);
        assertThat(directory).allSatisfy(l -> assertThat(l.sector()).isNotNull());
        assertThat(directory.stream().map(OrganisationDirectory.Listed::code).distinct().count()).isEqualTo(directory.size());
    }

    @Test
    void every_directory_name_and_alias_finds_its_own_organisation() {
        for (var l : directory) {
            assertThat(match(l.name())).as(l.name()).contains(l.name());
            for (String alias : l.aliases()) assertThat(match(alias)).as(alias).contains(l.name());
        }
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Nhs tayside                                   | NHS Tayside
            NHS TAYSIDE.                                  | NHS Tayside
            NHS Tayside - Ninewells                       | NHS Tayside
            NHS Tayside – Ninewells Hospital              | NHS Tayside
            Ninewells Hospital, NHS Tayside               | NHS Tayside
            NHS Tayside (Perth Royal Infirmary)           | NHS Tayside
            nhs tayside ninewells                         | NHS Tayside
            Tayside Health                                | NHS Tayside
            NHS Taysdie                                   | NHS Tayside
            NHS Greater Glasgow & Clyde                   | NHS Greater Glasgow and Clyde
            NHSGGC                                        | NHS Greater Glasgow and Clyde
            Fife HSCP                                     | Fife Health and Social Care Partnership
            Fife Health & Social Care Partnership         | Fife Health and Social Care Partnership
            Perth & Kinross H&SCP                         | Perth and Kinross Health and Social Care Partnership
            Glasgow City Council Social Work Services     | Glasgow City Council
            Angus Council social work                     | Angus Council
            the highland council                          | The Highland Council
            Highland Council                              | The Highland Council
            Bord SSN nan Eilean Siar                      | NHS Western Isles
            Bòrd SSN nan Eilean Siar                      | NHS Western Isles
            Barnardos Scotland                            | Barnardo's Scotland
            SAMH                                          | Scottish Association for Mental Health
            strathmore care homes ltd                     | Strathmore Care Homes Ltd
            """)
    void a_typed_name_finds_the_organisation_it_means(String typed, String expected) {
        assertThat(match(typed)).contains(expected);
    }

    @ParameterizedTest(name = "\"{0}\" matches nothing")
    @CsvSource(textBlock = """
            Fife
            Tayside
            Angus
            Glenview Road Medical Practice
            University of Stirling
            NHS
            Council
            ''
            """)
    void names_that_are_not_a_known_organisation_stay_unmatched(String typed) {
        assertThat(match(typed)).isEmpty();
    }

    @Test
    void a_health_board_and_the_partnership_of_the_same_place_stay_apart() {
        assertThat(match("NHS Fife")).contains("NHS Fife");
        assertThat(match("Fife Council")).contains("Fife Council");
        assertThat(match("Fife IJB")).contains("Fife Health and Social Care Partnership");
        assertThat(match("East Lothian Council")).contains("East Lothian Council");
        assertThat(match("NHS Lothian")).contains("NHS Lothian");
    }

    @Test
    void normalising_ignores_case_accents_punctuation_and_a_leading_the() {
        assertThat(OrganisationMatcher.normalise("  The  Bòrd SSN, nan Eilean-Siar! ")).isEqualTo("bord ssn nan eilean siar");
        assertThat(OrganisationMatcher.normalise("Barnardo’s & Co")).isEqualTo("barnardos and co");
        assertThat(OrganisationMatcher.normalise("Dundee HSCP")).isEqualTo("dundee health and social care partnership");
        assertThat(OrganisationMatcher.normalise(null)).isEmpty();
    }
}
