package dev.smo.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** HTTP/1.1 over a plain socket, for requests no well-behaved client would send. */
final class RawHttp {

    /** What the client does after the head: send a body, drip it, stall, or flood. */
    interface Body {
        void write(OutputStream out, AtomicLong sent) throws IOException, InterruptedException;
    }

    record Answer(int status, Map<String, String> headers, String body, long bytesSent) {

        JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(body, e);
            }
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private RawHttp() {}

    static Body bytes(byte[] data) {
        return (out, sent) -> {
            out.write(data);
            sent.addAndGet(data.length);
        };
    }

    /** Chunks of {@code chunk} bytes until {@code total} are sent or the server stops reading. */
    static Body chunkedFlood(int chunk, long total) {
        return (out, sent) -> {
            byte[] data = new byte[chunk];
            java.util.Arrays.fill(data, (byte) 'a');
            byte[] head = (Integer.toHexString(chunk) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            while (sent.get() < total) {
                out.write(head);
                out.write(data);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                sent.addAndGet(chunk);
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        };
    }

    /** A part of the body, then silence. */
    static Body stall(byte[] part) {
        return (out, sent) -> {
            out.write(part);
            out.flush();
            sent.addAndGet(part.length);
        };
    }

    /** One byte every {@code millis}, for {@code count} bytes. */
    static Body drip(int count, long millis) {
        return (out, sent) -> {
            for (int i = 0; i < count; i++) {
                out.write('a');
                out.flush();
                sent.incrementAndGet();
                Thread.sleep(millis);
            }
        };
    }

    /** Sends {@code head} (request line and headers, without the blank line) and the body; reads the answer. */
    static Answer send(int port, String head, Body body) {
        try (Socket socket = new Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(15_000);
            AtomicLong sent = new AtomicLong();
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            Thread writer = new Thread(() -> {
                try {
                    body.write(out, sent);
                    out.flush();
                } catch (IOException e) {
                    // the server stopped reading and closed: what a limit should do
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            writer.setDaemon(true);
            writer.start();
            Answer answer = read(socket.getInputStream(), sent);
            writer.interrupt();
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer read(InputStream in, AtomicLong sent) throws IOException {
        String status = line(in);
        if (status == null) {
            throw new IOException("The server closed the connection without an answer.");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            headers.put(
                    h.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    h.substring(colon + 1).strip());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = Integer.parseInt(line(in).strip(), 16);
                    size > 0;
                    size = Integer.parseInt(line(in).strip(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
        } else if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        } else {
            try {
                in.transferTo(body);
            } catch (SocketTimeoutException e) {
                // kept alive without a length: take what came
            }
        }
        return new Answer(
                Integer.parseInt(status.split(" ", 3)[1]), headers, body.toString(StandardCharsets.UTF_8), sent.get());
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                return b.toString().stripTrailing();
            }
            b.append((char) c);
        }
        return b.length() == 0 ? null : b.toString();
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
