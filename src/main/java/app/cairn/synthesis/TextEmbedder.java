package app.cairn.synthesis;

/** Turns a text into a unit-length vector whose direction carries its meaning. */
public interface TextEmbedder {
    /** Names the model and its version, so cached vectors from another model are never mixed in. */
    String modelId();

    /** The unit-length embedding of one text; the same text always gives the same vector. */
    float[] embed(String text);
}
