package app.cairn.synthesis;

import java.util.Arrays;

/**
 * Louvain modularity clustering of a weighted undirected graph (Blondel et al., 2008): move
 * nodes between communities while modularity rises, fold communities into nodes, repeat. The
 * number of communities is whatever maximises modularity at the given resolution. Nodes are
 * visited in index order and ties go to the lower community, so the result is deterministic.
 */
final class Louvain {
    private Louvain() {}

    /** A graph in compressed sparse rows; each undirected edge appears in both rows. */
    record Graph(int[] start, int[] target, double[] weight) {
        int size() {
            return start.length - 1;
        }
    }

    /** Community of each node, numbered from 0 in order of first node. */
    static int[] communities(Graph graph, double resolution) {
        int n = graph.size();
        int[] membership = new int[n];
        for (int i = 0; i < n; i++) membership[i] = i;
        Graph g = graph;
        for (int level = 0; level < 50; level++) {
            int[] local = moveNodes(g, resolution);
            int count = renumber(local);
            for (int i = 0; i < n; i++) membership[i] = local[membership[i]];
            if (count == g.size()) break;
            g = fold(g, local, count);
        }
        renumber(membership);
        return membership;
    }

    private static int[] moveNodes(Graph g, double resolution) {
        int n = g.size();
        double[] strength = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            for (int e = g.start()[i]; e < g.start()[i + 1]; e++) strength[i] += g.weight()[e];
            total += strength[i];
        }
        int[] community = new int[n];
        double[] communityStrength = new double[n];
        for (int i = 0; i < n; i++) {
            community[i] = i;
            communityStrength[i] = strength[i];
        }
        if (total == 0) return community;
        double[] linkTo = new double[n];
        int[] touched = new int[n];
        boolean moved = true;
        for (int pass = 0; moved && pass < 100; pass++) {
            moved = false;
            for (int i = 0; i < n; i++) {
                int own = community[i];
                int count = 0;
                double self = 0;
                for (int e = g.start()[i]; e < g.start()[i + 1]; e++) {
                    int j = g.target()[e];
                    if (j == i) {
                        self += g.weight()[e];
                        continue;
                    }
                    int c = community[j];
                    if (linkTo[c] == 0) touched[count++] = c;
                    linkTo[c] += g.weight()[e];
                }
                communityStrength[own] -= strength[i];
                double factor = resolution * strength[i] / total;
                int best = own;
                double bestGain = linkTo[own] - factor * communityStrength[own];
                for (int t = 0; t < count; t++) {
                    int c = touched[t];
                    double gain = linkTo[c] - factor * communityStrength[c];
                    if (gain > bestGain + 1e-12 || (Math.abs(gain - bestGain) <= 1e-12 && c < best)) {
                        bestGain = gain;
                        best = c;
                    }
                }
                communityStrength[best] += strength[i];
                if (best != own) {
                    community[i] = best;
                    moved = true;
                }
                for (int t = 0; t < count; t++) linkTo[touched[t]] = 0;
                linkTo[own] = 0;
            }
        }
        return community;
    }

    /** Renumbers labels 0.. in order of first appearance; returns how many there are. */
    static int renumber(int[] labels) {
        int[] map = new int[labels.length == 0 ? 0 : Arrays.stream(labels).max().getAsInt() + 1];
        Arrays.fill(map, -1);
        int next = 0;
        for (int i = 0; i < labels.length; i++) {
            if (map[labels[i]] < 0) map[labels[i]] = next++;
            labels[i] = map[labels[i]];
        }
        return next;
    }

    private static Graph fold(Graph g, int[] community, int count) {
        java.util.List<java.util.TreeMap<Integer, Double>> rows = new java.util.ArrayList<>(count);
        for (int c = 0; c < count; c++) rows.add(new java.util.TreeMap<>());
        for (int i = 0; i < g.size(); i++) {
            var row = rows.get(community[i]);
            for (int e = g.start()[i]; e < g.start()[i + 1]; e++) row.merge(community[g.target()[e]], g.weight()[e], Double::sum);
        }
        int[] start = new int[count + 1];
        for (int c = 0; c < count; c++) start[c + 1] = start[c] + rows.get(c).size();
        int[] target = new int[start[count]];
        double[] weight = new double[start[count]];
        for (int c = 0; c < count; c++) {
            int e = start[c];
            for (var entry : rows.get(c).entrySet()) {
                target[e] = entry.getKey();
                weight[e++] = entry.getValue();
            }
        }
        return new Graph(start, target, weight);
    }
}
