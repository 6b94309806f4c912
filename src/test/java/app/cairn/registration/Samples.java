package app.cairn.registration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The sample import files in src/test/resources/app/cairn/registration/imports. */
final class Samples {
    private Samples() {}

    static byte[] bytes(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("imports/" + name)) {
            if (in == null) throw new IllegalArgumentException("no sample file " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
