package app.cairn.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.cairn.common.Invalid;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class LogoImageTest {

    static byte[] image(String format, int width, int height) {
        try {
            var out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void png_and_jpeg_are_recognised_by_their_content_whatever_their_name() {
        assertThat(LogoImage.check("logo.jpg", image("png", 40, 20)).contentType()).isEqualTo("image/png");
        assertThat(LogoImage.check("logo", image("jpg", 40, 20)).contentType()).isEqualTo("image/jpeg");
    }

    @Test
    void svg_is_refused_with_the_reason_even_when_named_as_a_png() {
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);
        for (String name : new String[] {"logo.svg", "logo.png"}) {
            Invalid e = catchThrowableOfType(Invalid.class, () -> LogoImage.check(name, svg));
            assertThat(e.fields().get("logo")).contains("SVG files are not accepted");
        }
    }

    @Test
    void other_files_are_refused() {
        Invalid e = catchThrowableOfType(Invalid.class,
                () -> LogoImage.check("logo.png", "GIF89a not really".getBytes(StandardCharsets.US_ASCII)));
        assertThat(e.fields().get("logo")).isEqualTo("The logo image must be a PNG or JPEG");
    }

    @Test
    void a_file_that_only_starts_like_a_png_is_refused_as_unreadable() {
        byte[] png = image("png", 10, 10);
        byte[] broken = java.util.Arrays.copyOf(png, 12);
        Invalid e = catchThrowableOfType(Invalid.class, () -> LogoImage.check("logo.png", broken));
        assertThat(e.fields().get("logo")).contains("could not be read");
    }

    @Test
    void files_over_one_megabyte_are_refused() {
        byte[] big = new byte[LogoImage.MAX_BYTES + 1];
        System.arraycopy(image("png", 4, 4), 0, big, 0, 8);
        Invalid e = catchThrowableOfType(Invalid.class, () -> LogoImage.check("logo.png", big));
        assertThat(e.fields().get("logo")).isEqualTo("The logo image must be smaller than 1 MB");
    }

    @Test
    void the_etag_changes_with_the_content() {
        var a = LogoImage.check("a.png", image("png", 4, 4));
        var b = LogoImage.check("b.png", image("png", 5, 4));
        assertThat(a.etag()).isNotEqualTo(b.etag()).startsWith("\"").endsWith("\"");
    }
}
