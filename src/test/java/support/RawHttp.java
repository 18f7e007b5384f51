package support;

import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * HTTP/1.1 written by hand on a socket, for what a well-behaved client library will not send: a
 * spoofed Host, a path it would re-encode, oversized headers, a body that stops half way.
 */
public final class RawHttp {
    private RawHttp() {}

    /** What came back: the status line's code, the head (status line and headers) and the body as text. */
    public record Answer(int status, String head, String body, boolean closed) {
        /** The first value of a header, case-insensitive; null when absent. */
        public String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    /** The application's port under test. */
    public static int port() {
        return RestAssured.port;
    }

    /**
     * Sends {@code request} (the bytes as given, head and any body) and reads the answer until the
     * server closes the connection or {@code wait} passes with nothing more; a request whose body
     * never completes is answered (or dropped) by the server on its own time.
     */
    public static Answer exchange(String request, Duration wait) {
        try (Socket socket = new Socket(URI.create(RestAssured.baseURI).getHost(), port())) {
            socket.setSoTimeout((int) wait.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            boolean closed = false;
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    read.write(buffer, 0, n);
                    if (complete(read.toString(StandardCharsets.ISO_8859_1))) {
                        break;
                    }
                }
                closed = n < 0;
            } catch (SocketTimeoutException e) {
                // nothing more within the wait
            } catch (IOException e) {
                closed = true; // reset by the server
            }
            return parse(read.toString(StandardCharsets.UTF_8), closed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A whole answer with a Content-Length (or none and no body): no need to wait for the close. */
    private static boolean complete(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String head = text.substring(0, end).toLowerCase(Locale.ROOT);
        int at = head.indexOf("\r\ncontent-length:");
        if (at < 0) {
            return false;
        }
        int lineEnd = head.indexOf("\r\n", at + 2);
        String value = head.substring(at + "\r\ncontent-length:".length(), lineEnd < 0 ? head.length() : lineEnd)
                .trim();
        return text.length() - end - 4 >= Integer.parseInt(value);
    }

    private static Answer parse(String text, boolean closed) {
        if (text.isEmpty()) {
            return new Answer(0, "", "", closed);
        }
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String body = end < 0 ? "" : text.substring(end + 4);
        int status = Integer.parseInt(head.split(" ", 3)[1]);
        return new Answer(status, head, body, closed);
    }
}
