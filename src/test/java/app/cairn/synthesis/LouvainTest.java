package app.cairn.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LouvainTest {
    @Test
    void two_cliques_joined_by_one_edge_are_two_communities() {
        // nodes 0-3 all joined, 4-7 all joined, and 3-4
        int n = 8;
        java.util.List<int[]> edges = new java.util.ArrayList<>();
        for (int a = 0; a < 4; a++) for (int b = a + 1; b < 4; b++) edges.add(new int[] {a, b});
        for (int a = 4; a < 8; a++) for (int b = a + 1; b < 8; b++) edges.add(new int[] {a, b});
        edges.add(new int[] {3, 4});
        int[] degree = new int[n];
        for (int[] e : edges) {
            degree[e[0]]++;
            degree[e[1]]++;
        }
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) start[i + 1] = start[i] + degree[i];
        int[] fill = start.clone();
        int[] target = new int[start[n]];
        double[] weight = new double[start[n]];
        for (int[] e : edges) {
            target[fill[e[0]]] = e[1];
            weight[fill[e[0]]++] = 1;
            target[fill[e[1]]] = e[0];
            weight[fill[e[1]]++] = 1;
        }
        int[] c = Louvain.communities(new Louvain.Graph(start, target, weight), 1.0);
        assertThat(c).containsExactly(0, 0, 0, 0, 1, 1, 1, 1);
    }

    @Test
    void ward_joins_the_closest_groups_first() {
        float[][] means = {{1, 0}, {0.9f, 0.1f}, {0, 1}, {0.1f, 0.9f}};
        double[] sizes = {1, 1, 1, 1};
        int[] two = WardLinkage.cut(4, WardLinkage.merges(means, sizes), 2);
        assertThat(two).containsExactly(0, 0, 1, 1);
    }
}
