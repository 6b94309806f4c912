package app.cairn.transfer;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An uploaded text file as lines: the encoding worked out from the bytes (UTF-8, UTF-16 with or
 * without a byte-order mark, else Windows-1252), with limits so a huge or binary file gives a
 * plain message instead of using up memory.
 */
record TextFile(List<String> lines, String encoding) {
    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int MAX_LINES = 100_000;
    static final int MAX_LINE = 20_000;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    static TextFile of(byte[] b) {
        if (b == null || b.length == 0) throw new TransferProblem("The file is empty.");
        if (b.length > MAX_BYTES) {
            throw new TransferProblem("The file is larger than 5 MB. Split it into smaller files and bring in each.");
        }
        String text;
        String encoding;
        if (starts(b, 0xEF, 0xBB, 0xBF)) {
            text = strict(b, 3, StandardCharsets.UTF_8);
            encoding = "UTF-8";
        } else if (starts(b, 0xFF, 0xFE)) {
            text = strict(b, 2, StandardCharsets.UTF_16LE);
            encoding = "UTF-16";
        } else if (starts(b, 0xFE, 0xFF)) {
            text = strict(b, 2, StandardCharsets.UTF_16BE);
            encoding = "UTF-16";
        } else {
            int even = 0;
            int odd = 0;
            int sample = Math.min(b.length, 4096);
            for (int i = 0; i < sample; i++) if (b[i] == 0) { if (i % 2 == 0) even++; else odd++; }
            if (sample >= 4 && b.length % 2 == 0 && odd > sample / 4 && even == 0) {
                text = strict(b, 0, StandardCharsets.UTF_16LE);
                encoding = "UTF-16";
            } else if (sample >= 4 && b.length % 2 == 0 && even > sample / 4 && odd == 0) {
                text = strict(b, 0, StandardCharsets.UTF_16BE);
                encoding = "UTF-16";
            } else if (even + odd > 0) {
                throw new TransferProblem("This is not a text file Cairn can read (it holds binary data). Export the chat, "
                        + "report or notes as text or CSV and bring that in.");
            } else {
                try {
                    text = decoder(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(b)).toString();
                    encoding = "UTF-8";
                } catch (CharacterCodingException notUtf8) {
                    text = new String(b, WINDOWS_1252);
                    encoding = "Windows-1252";
                }
            }
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
        List<String> lines = text.lines().toList();
        if (lines.size() > MAX_LINES) {
            throw new TransferProblem("The file has more than " + MAX_LINES + " lines. Split it and bring in each part.");
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).length() > MAX_LINE) {
                throw TransferProblem.atLine(i + 1, "the line is longer than " + MAX_LINE + " characters, so the file is "
                        + "probably not a chat, report or notes file. Check you chose the right file.");
            }
            if (lines.get(i).indexOf('\u0000') >= 0) {
                throw TransferProblem.atLine(i + 1, "the line holds binary data. Check you chose the right file.");
            }
        }
        return new TextFile(lines, encoding);
    }

    private static String strict(byte[] b, int offset, Charset charset) {
        try {
            return decoder(charset).decode(ByteBuffer.wrap(b, offset, b.length - offset)).toString();
        } catch (CharacterCodingException e) {
            // Name the line: decode leniently and find the first character that could not be read.
            String lenient = new String(b, offset, b.length - offset, charset);
            int bad = lenient.indexOf('\uFFFD');
            int line = 1;
            for (int i = 0; i < Math.max(0, bad); i++) if (lenient.charAt(i) == '\n') line++;
            throw TransferProblem.atLine(line, "the file says it is " + charset.name() + " text but this line is not: the "
                    + "file may be cut short or damaged. Export it again and bring in the new file.");
        }
    }

    private static java.nio.charset.CharsetDecoder decoder(Charset c) {
        return c.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    static boolean starts(byte[] b, int... prefix) {
        if (b.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if ((b[i] & 0xFF) != prefix[i]) return false;
        return true;
    }
}
