package dev.smo.model.internal;

import dev.smo.model.Violation;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding that reports the line and column of the first undecodable byte. */
final class Utf8 {

    private Utf8() {}

    static String decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        out.flip();
        if (result.isError()) {
            int offset = in.position();
            String prefix = out.toString();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < prefix.length(); i++) {
                if (prefix.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            int column = prefix.length() - lineStart + 1;
            String shown = String.format("0x%02x", bytes[offset] & 0xff);
            throw new Fatal(new Violation(
                    "",
                    line,
                    column,
                    "The descriptor is not valid UTF-8: byte (" + shown + ") at offset (" + offset
                            + ") cannot be decoded.\nMaybe save the file as UTF-8."));
        }
        return out.toString();
    }
}
