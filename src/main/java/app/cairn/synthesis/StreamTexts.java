package app.cairn.synthesis;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct texts of one stream (exact duplicates, after cleaning, are one text) with the
 * items and people behind each, their embeddings and their phrases.
 */
final class StreamTexts {
    private final List<String> keys = new ArrayList<>();
    private final List<String> cleaned = new ArrayList<>();
    private final List<List<Item>> items = new ArrayList<>();
    private int[][] personIds;
    private int[] itemCounts;
    private float[][] vectors;
    private final Map<String, Integer> personId;

    StreamTexts(Map<String, List<Item>> byKey, Map<String, String> textOfKey, Map<String, Integer> personId) {
        this.personId = personId;
        for (var e : byKey.entrySet()) {
            keys.add(e.getKey());
            cleaned.add(textOfKey.get(e.getKey()));
            items.add(e.getValue());
        }
        personIds = new int[keys.size()][];
        itemCounts = new int[keys.size()];
        for (int t = 0; t < keys.size(); t++) {
            personIds[t] = items.get(t).stream().mapToInt(i -> personId.get(i.person())).distinct().sorted().toArray();
            itemCounts[t] = items.get(t).size();
        }
    }

    int size() {
        return keys.size();
    }

    String key(int t) {
        return keys.get(t);
    }

    String text(int t) {
        return cleaned.get(t);
    }

    String id(int t) {
        return items.get(t).get(0).id();
    }

    List<String> ids(int t) {
        return items.get(t).stream().map(Item::id).toList();
    }

    int items(int t) {
        return itemCounts[t];
    }

    int[] itemCounts() {
        return itemCounts;
    }

    int[][] personIds() {
        return personIds;
    }

    void vectors(float[][] v) {
        vectors = v;
    }

    float[] vector(int t) {
        return vectors[t];
    }

    float[][] vectors() {
        return vectors;
    }

    /** Distinct people behind these texts. */
    int people(int[] texts) {
        BitSet seen = new BitSet(personId.size());
        for (int t : texts) for (int p : personIds[t]) seen.set(p);
        return seen.cardinality();
    }

    boolean samePerson(int a, int b) {
        for (int p : personIds[a]) for (int q : personIds[b]) if (p == q) return true;
        return false;
    }

    static Map<String, Integer> numberPeople(List<Item> items) {
        Map<String, Integer> ids = new HashMap<>();
        for (Item i : items) ids.putIfAbsent(i.person(), ids.size());
        return ids;
    }
}
