package app.cairn.demo;

import app.cairn.community.Community;
import app.cairn.event.EventInput;
import app.cairn.event.EventInput.HostInput;
import app.cairn.registration.Question;
import app.cairn.registration.RegistrationInput;
import app.cairn.registration.RegistrationService;
import app.cairn.registration.RegistrationService.QuestionInput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The registration part of the demo: 88 people registered for the past conversation (a few of
 * them cancelled), a dozen places for the upcoming one taken by people back from the past one and
 * new faces, two people waiting, and the spellings people type ("Nhs tayside", "NHS Tayside -
 * Ninewells"), one pair merged. Everyone is fictional; the random choices are seeded, so every
 * demo is the same.
 */
final class RegistrationDemo implements DemoStep {
    private static final String[] FIRST = {"Aileen", "Callum", "Morag", "Euan", "Isla", "Fraser", "Kirsty", "Hamish",
        "Priya", "Tom", "Ailsa", "Ross", "Mhairi", "Gregor", "Shona", "Niamh", "Ewan", "Catriona", "Duncan", "Fiona",
        "Amir", "Lorna", "Stuart", "Eilidh", "Graeme", "Rhona", "Iain", "Joanne", "Alasdair", "Kerry", "Malcolm",
        "Heather", "Zainab", "Craig", "Mairi", "Andrew", "Siobhan", "Neil", "Gillian", "Kenneth"};
    private static final String[] LAST = {"MacLeod", "Campbell", "Stewart", "Robertson", "Murray", "Ferguson",
        "Henderson", "Paterson", "Grant", "Ross", "Sinclair", "Munro", "Fraser", "MacKenzie", "Reid", "Baird",
        "Kerr", "Duncan", "Watt", "Begum", "Sharma", "Wilson", "Crawford", "Drummond", "Ogilvie", "Buchanan",
        "MacDonald", "Lindsay", "Forsyth", "Hunter"};
    private static final String[] HEALTH_ROLES = {"Staff Nurse", "Charge Nurse", "Senior Charge Nurse", "District Nurse",
        "Health Visitor", "Occupational Therapist", "Physiotherapist", "Clinical Psychologist", "Pharmacist",
        "Practice Development Facilitator", "Improvement Advisor", "Organisational Development Practitioner",
        "Allied Health Professions Lead", "Consultant Psychiatrist", "Senior Midwife", "Management Trainee", "Service Improvement Manager"};
    private static final String[] CARE_ROLES = {"Social Worker", "Senior Social Worker", "Mental Health Officer",
        "Care at Home Organiser", "Team Leader", "Assistant Service Manager", "Chief Social Work Officer",
        "Head of Adult Services", "Registered Manager", "Support Worker", "Community Link Worker",
        "Learning and Development Adviser", "Locality Manager"};
    private static final String[] OTHER_ROLES = {"Project Officer", "Volunteer Coordinator", "Researcher",
        "Lecturer in Nursing", "Policy Officer", "Housing Support Officer"};
    // What people typed: directory names in the many ways people write them, and some organisations Cairn does not know.
    private static final String[][] HEALTH_ORGS = {{"NHS Tayside", "Nhs tayside", "NHS Tayside - Ninewells", "NHS Tayside"},
        {"NHS Lothian", "NHS Lothian", "nhs lothian"}, {"NHS Grampian", "NHS Grampian - Aberdeen Royal Infirmary"},
        {"NHS Borders"}, {"NHS Orkney"}, {"NHS Fife", "NHS Fife"}, {"NHS Greater Glasgow and Clyde", "NHSGGC", "NHS GGC"},
        {"NHS Highland"}, {"Healthcare Improvement Scotland", "HIS"}, {"Public Health Scotland"},
        {"NHS Education for Scotland", "NES"}, {"Scottish Ambulance Service"}, {"NHS Forth Valley"},
        {"Glenview Road Medical Practice"}};
    private static final String[][] CARE_ORGS = {{"Fife HSCP", "Fife Health & Social Care Partnership"},
        {"Dundee Health and Social Care Partnership"}, {"Glasgow City Council Social Work Services"},
        {"Angus Council"}, {"Alzheimer Scotland"}, {"Strathmore Care Homes Ltd", "Strathmore Care Homes"},
        {"Kingdom Carers Centre", "Kingdom Carers Center"}, {"Scottish Care"}, {"Perth & Kinross HSCP"}};
    private static final String[][] OTHER_ORGS = {{"University of Stirling"}, {"Harbourside Housing Association"},
        {"Thistle Community Research"}};
    private static final String[] ONE_QUESTIONS = {
        "How do we keep compassion alive when the rota is short every single week?",
        "What does self-compassion look like for someone leading a team through winter pressures?",
        "How can we make reflection part of the working day rather than something extra?",
        "What are good examples of compassionate cultures in social care teams?",
        "How do I show compassion to the people who manage me?",
        "Can kindness be measured, and should it be?",
        "How do we hold on to what we learned about purpose during the pandemic?",
        "What small things make the biggest difference to how a team feels?",
        "How do we bring health and social care colleagues together when our systems keep us apart?",
        "What advice would you give a new team leader who inherits a tired team?"};
    private static final String[] ACCESS = {"Captions on the video call, please.", "I may join by phone for part of it.",
        "A quieter breakout room would help me."};

    private final Random random = new Random(2026);

    @Override
    public String name() {
        return "registration";
    }

    @Override
    public void load(DemoContext demo) {
        var services = demo.services();
        long organiser = demo.organiserId();
        Community community = services.communities().get(demo.recall("community").orElseThrow());
        long past = demo.recallId("past-event").orElseThrow();
        long upcoming = demo.recallId("upcoming-event").orElseThrow();
        RegistrationService registrations = services.registrations();

        // A small team conversation: a dozen places, so some people wait.
        var next = services.events().get(organiser, upcoming);
        var e = next.event();
        services.events().update(organiser, upcoming, new EventInput(e.title(), e.purpose(),
                EventInput.DateInput.iso(e.date().toString()), e.startTime().toString(), e.zone().getId(),
                e.hosts().stream().map(h -> new HostInput(h.name(), h.role(), h.organisation())).toList(),
                e.recordingUrl(), e.contactEmail(), "12"), null);

        Question heard = registrations.addQuestion(organiser, past, new QuestionInput("single_choice",
                "How did you hear about this conversation?", "", false,
                List.of("From a colleague", "Our newsletter", "Social media", "Our website")));
        Question share = registrations.addQuestion(organiser, past, new QuestionInput("yes_no",
                "Would you be happy to report back for your breakout room?", "", false, List.of()));
        registrations.addQuestion(organiser, upcoming, new QuestionInput("long_text",
                "What would you like our team to talk about?", "A sentence is plenty.", false, List.of()));

        List<Person> people = people(100);
        // The past conversation: 88 people, a few of whom cancelled.
        List<Long> pastIds = new ArrayList<>();
        for (int i = 0; i < 88; i++) {
            Map<Long, List<String>> answers = new HashMap<>();
            if (random.nextInt(10) < 8) answers.put(heard.id(), List.of(heard.choices().get(random.nextInt(4))));
            if (random.nextInt(10) < 6) answers.put(share.id(), List.of(random.nextBoolean() ? "Yes" : "No"));
            pastIds.add(registrations.record(organiser, past, people.get(i).input(random, answers)).registration().id());
        }
        for (int i = 0; i < 5; i++) {
            registrations.cancelByOrganiser(organiser, past, pastIds.get(7 + i * 13), false);
        }
        // The upcoming one: a dozen places, people back from the past one and new faces, and two waiting.
        for (int i : new int[] {3, 14, 22, 40, 41, 57, 70, 88, 89, 90, 91, 92, 93, 94}) {
            registrations.record(organiser, upcoming, people.get(i).input(random, Map.of()));
        }
        // The same care home typed two ways is merged once, unless Cairn already matched the two spellings.
        var used = services.organisations().used(organiser, community.id());
        Long full = null;
        Long shortName = null;
        for (var u : used) {
            if (u.organisation().name().equals("Strathmore Care Homes Ltd")) full = u.organisation().id();
            if (u.organisation().name().equals("Strathmore Care Homes")) shortName = u.organisation().id();
        }
        if (full != null && shortName != null) services.organisations().merge(organiser, community.id(), List.of(shortName), full);
    }

    /** A fictional person: name, email, role and what they typed as their organisation. */
    private record Person(String name, String email, String role, String organisation, String sector) {
        RegistrationInput input(Random random, Map<Long, List<String>> answers) {
            String question = random.nextInt(10) < 4 ? ONE_QUESTIONS[random.nextInt(ONE_QUESTIONS.length)] : "";
            String access = random.nextInt(20) == 0 ? ACCESS[random.nextInt(ACCESS.length)] : "";
            return new RegistrationInput(name, email, role, organisation, sector, question, access, answers, true);
        }
    }

    private List<Person> people(int n) {
        List<Person> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String first = FIRST[(i * 7) % FIRST.length];
            String last = LAST[(i * 11 + i / FIRST.length) % LAST.length];
            int kind = random.nextInt(100);
            String[][] orgs = kind < 72 ? HEALTH_ORGS : kind < 93 ? CARE_ORGS : OTHER_ORGS;
            String[] roles = kind < 72 ? HEALTH_ROLES : kind < 93 ? CARE_ROLES : OTHER_ROLES;
            String[] spellings = orgs[random.nextInt(orgs.length)];
            String organisation = spellings[random.nextInt(spellings.length)];
            String sector = kind < 72 ? "health" : kind < 93 ? (random.nextInt(4) == 0 ? "both" : "social_care") : "other";
            String email = (first + "." + last + (i >= FIRST.length ? Integer.toString(i) : "")).toLowerCase(java.util.Locale.ROOT)
                    .replace("'", "") + "@" + (kind < 72 ? "nhs.example" : kind < 93 ? "care.example" : "mail.example");
            out.add(new Person(first + " " + last, i % 9 == 4 ? email.toUpperCase(java.util.Locale.ROOT) : email,
                    roles[random.nextInt(roles.length)], organisation, sector));
        }
        return out;
    }
}
