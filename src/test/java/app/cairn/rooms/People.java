package app.cairn.rooms;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Made-up participants shaped like a health and social care audience: a few large employers, many small ones. */
public final class People {
    static final List<String> SECTORS = List.of("health", "social_care", "both", "other");
    static final List<String> ROLES = List.of("Nurse", "Social worker", "GP", "Care home manager", "Commissioner",
            "Occupational therapist", "Team leader", "Pharmacist", "Carer", "Director", "Paramedic", "Volunteer");
    static final List<String> ANSWERS = List.of("Workforce", "Digital", "Prevention", "Housing");

    private People() {}

    /** {@code n} people over {@code organisations} employers, sized roughly as 1/rank; about 5% give none. */
    public static List<RoomMember> population(int n, int organisations, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] weights = new double[organisations];
        double total = 0;
        for (int i = 0; i < organisations; i++) total += weights[i] = 1.0 / (i + 1);
        List<RoomMember> out = new ArrayList<>(n);
        for (int p = 0; p < n; p++) {
            String org = "";
            if (random.nextInt(20) > 0) {
                double x = random.nextDouble() * total;
                int i = 0;
                while (i < organisations - 1 && (x -= weights[i]) > 0) i++;
                org = "Organisation " + i;
            }
            out.add(new RoomMember(1000 + p, org, SECTORS.get(random.nextInt(SECTORS.size())),
                    ROLES.get(random.nextInt(ROLES.size())), ANSWERS.get(random.nextInt(ANSWERS.size()))));
        }
        return out;
    }
}
