package app.cairn.community;

import app.cairn.common.Invalid;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A community's logo image: a PNG or JPEG of up to 1 MB, recognised by its content rather than
 * its name. SVG is refused because an SVG file can carry script.
 */
public record LogoImage(byte[] content, String contentType) {
    public static final int MAX_BYTES = 1024 * 1024;
    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";
    static final String FIELD = "logo";
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int MAX_SIDE = 10_000;

    /**
     * Checks an uploaded file and says what is wrong in the words the form shows.
     *
     * @param filename the name the browser sent, used only to give SVG files a clearer message
     */
    public static LogoImage check(String filename, byte[] content) {
        if (content.length > MAX_BYTES) throw Invalid.field(FIELD, "The logo image must be smaller than 1 MB");
        String type = typeOf(content);
        if (type == null) {
            String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
            if (name.endsWith(".svg") || looksLikeSvg(content)) {
                throw Invalid.field(FIELD, "The logo image must be a PNG or JPEG. SVG files are not accepted because "
                        + "they can contain scripts");
            }
            throw Invalid.field(FIELD, "The logo image must be a PNG or JPEG");
        }
        if (!readable(content)) {
            throw Invalid.field(FIELD, "The logo image could not be read. Save it again as a PNG or JPEG and upload that");
        }
        return new LogoImage(content.clone(), type);
    }

    /** PNG or JPEG from the file's first bytes, or null for anything else. */
    static String typeOf(byte[] content) {
        if (startsWith(content, PNG_SIGNATURE)) return PNG;
        if (content.length > 3 && (content[0] & 0xff) == 0xff && (content[1] & 0xff) == 0xd8 && (content[2] & 0xff) == 0xff) {
            return JPEG;
        }
        return null;
    }

    /** A version of the image for ETag headers: changes whenever the bytes do. */
    public String etag() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this Java runtime", e);
        }
    }

    public String extension() {
        return PNG.equals(contentType) ? "png" : "jpg";
    }

    /** Reads only the image's header (its size), so a small file claiming huge dimensions is not decoded. */
    private static boolean readable(byte[] content) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            var readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) return false;
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                return w > 0 && h > 0 && w <= MAX_SIDE && h <= MAX_SIDE;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean looksLikeSvg(byte[] content) {
        String start = new String(content, 0, Math.min(content.length, 1024), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        return start.contains("<svg") || start.stripLeading().startsWith("<?xml");
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if (content[i] != prefix[i]) return false;
        return true;
    }
}
