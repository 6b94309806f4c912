package app.cairn.synthesis;

/** Small vector arithmetic on float arrays, written so the JIT keeps several sums in flight. */
final class Vectors {
    private Vectors() {}

    static float dot(float[] a, float[] b) {
        int n = a.length;
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < n; i++) s0 += a[i] * b[i];
        return (s0 + s1) + (s2 + s3);
    }

    /** Four dot products against one vector at once: each element of b is loaded once for four rows. */
    static void dot4(float[] a0, float[] a1, float[] a2, float[] a3, float[] b, float[] out) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (int i = 0; i < b.length; i++) {
            float v = b[i];
            s0 += a0[i] * v;
            s1 += a1[i] * v;
            s2 += a2[i] * v;
            s3 += a3[i] * v;
        }
        out[0] = s0;
        out[1] = s1;
        out[2] = s2;
        out[3] = s3;
    }

    static double norm(float[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** A unit-length copy (a zero vector stays zero). */
    static float[] unit(float[] a) {
        float[] u = a.clone();
        double n = norm(a);
        if (n > 0) for (int i = 0; i < u.length; i++) u[i] = (float) (u[i] / n);
        return u;
    }

    /** Adds {@code weight * b} into {@code acc}. */
    static void addInto(float[] acc, float[] b, double weight) {
        float w = (float) weight;
        for (int i = 0; i < acc.length; i++) acc[i] += w * b[i];
    }
}
