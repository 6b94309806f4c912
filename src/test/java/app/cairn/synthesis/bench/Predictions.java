package app.cairn.synthesis.bench;

import app.cairn.synthesis.Item;
import app.cairn.synthesis.Suggestions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns labelled texts into items, and suggestions back into one cluster number per item. */
public final class Predictions {
    private Predictions() {}

    /** One item per text, each from its own person, all in one stream. */
    public static List<Item> items(List<String> texts) {
        List<Item> items = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) items.add(new Item(Integer.toString(i), "p" + i, texts.get(i), "bench"));
        return items;
    }

    /**
     * Cluster of each item: its theme; all noise is one cluster (recognising noise is part of the
     * job); an unthemed item is a cluster of its own.
     */
    public static int[] clusters(Suggestions.Stream stream, int items) {
        int[] out = new int[items];
        Arrays.fill(out, -1);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < items; i++) index.put(Integer.toString(i), i);
        int next = 0;
        for (Suggestions.Theme theme : stream.themes()) {
            int c = next++;
            for (Suggestions.Member m : theme.members()) mark(out, index, m, c);
        }
        int noise = next++;
        for (Suggestions.NoiseCount n : stream.noise().messages()) for (String id : n.itemIds()) out[index.get(id)] = noise;
        for (Suggestions.Member m : stream.unthemed()) mark(out, index, m, next++);
        for (int i = 0; i < items; i++) if (out[i] < 0) out[i] = next++;
        return out;
    }

    private static void mark(int[] out, Map<String, Integer> index, Suggestions.Member m, int cluster) {
        out[index.get(m.itemId())] = cluster;
        for (String id : m.duplicateIds()) out[index.get(id)] = cluster;
    }
}
