package org.corridor.app.bench;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * {@link ApiHttp} as a plain HTTP/1.1 client over one blocking socket: the request goes out in one write, the
 * answer is read with {@code Content-Length} or chunked framing. It does only what the benchmark needs, so
 * that the load generator spends as little of the machine's CPU as it can and the figures are the server's.
 */
final class ApiSocketHttp implements ApiHttp {
    /** The status line and headers of one answer, at most. */
    static final int RESPONSE_HEAD_BYTES_MAX = 16 * 1024;
    /** One answer's body, at most. */
    static final int RESPONSE_BODY_BYTES_MAX = 1024 * 1024;
    private static final int READ_BUFFER_BYTES = 32 * 1024;

    private final String host;
    private final int port;
    private final int connectTimeoutMs;
    private final long requestTimeoutNanos;
    private final byte[] buffer = new byte[READ_BUFFER_BYTES];
    private int start;
    private int end;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private long deadlineNanos;

    ApiSocketHttp(String host, int port, Duration connectTimeout, Duration requestTimeout) {
        this.host = host;
        this.port = port;
        this.connectTimeoutMs = Math.toIntExact(connectTimeout.toMillis());
        this.requestTimeoutNanos = requestTimeout.toNanos();
    }

    @Override
    public ApiReply post(String path, String bearer, String idempotencyKey, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: Bearer " + bearer
                + "\r\nIdempotency-Key: " + idempotencyKey + "\r\nContent-Type: application/json\r\n"
                + "Accept: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
        return exchange(head, body);
    }

    @Override
    public ApiReply get(String path, String bearer) throws IOException {
        String head = "GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: Bearer " + bearer
                + "\r\nAccept: application/json\r\n\r\n";
        return exchange(head, new byte[0]);
    }

    private ApiReply exchange(String head, byte[] body) throws IOException {
        deadlineNanos = System.nanoTime() + requestTimeoutNanos;
        try {
            if (socket == null) connect();
            byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
            byte[] request = new byte[headBytes.length + body.length];
            System.arraycopy(headBytes, 0, request, 0, headBytes.length);
            System.arraycopy(body, 0, request, headBytes.length, body.length);
            out.write(request);
            out.flush();
            return readReply();
        } catch (IOException | RuntimeException failed) {
            reset();
            throw failed;
        }
    }

    private void connect() throws IOException {
        Socket opened = new Socket();
        try {
            opened.setTcpNoDelay(true);
            opened.connect(new InetSocketAddress(host, port), connectTimeoutMs);
            opened.setSoTimeout(Math.toIntExact(Math.max(1, requestTimeoutNanos / 1_000_000)));
            in = opened.getInputStream();
            out = opened.getOutputStream();
        } catch (IOException failed) {
            opened.close();
            throw failed;
        }
        socket = opened;
        start = 0;
        end = 0;
    }

    private ApiReply readReply() throws IOException {
        String statusLine = readLine();
        if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
            throw new IOException("not an HTTP/1.1 status line: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long contentLength = -1;
        boolean chunked = false;
        boolean close = false;
        int headBytes = statusLine.length();
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            headBytes += line.length() + 2;
            if (headBytes > RESPONSE_HEAD_BYTES_MAX) throw new IOException("the answer's headers are too long");
            int colon = line.indexOf(':');
            if (colon < 0) throw new IOException("not a header line: " + line);
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> contentLength = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> close = value.equalsIgnoreCase("close");
                default -> { }
            }
        }
        String body;
        if (chunked) {
            body = readChunked();
        } else if (contentLength >= 0) {
            if (contentLength > RESPONSE_BODY_BYTES_MAX) throw new IOException("the answer's body is too long");
            body = new String(readBytes((int) contentLength), StandardCharsets.UTF_8);
        } else {
            throw new IOException("an answer without Content-Length or chunked framing");
        }
        if (close) reset();
        return new ApiReply(status, body);
    }

    private String readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine();
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                while (!readLine().isEmpty()) {
                    // Trailers: none expected, skipped.
                }
                return body.toString(StandardCharsets.UTF_8);
            }
            if (body.size() + size > RESPONSE_BODY_BYTES_MAX) throw new IOException("the answer's body is too long");
            body.write(readBytes(size));
            if (!readLine().isEmpty()) throw new IOException("a chunk without its closing CRLF");
        }
    }

    /** One line without its CRLF, as ISO-8859-1 (header bytes). */
    private String readLine() throws IOException {
        int scanned = 0;
        while (true) {
            for (int i = start + scanned; i < end; i++) {
                if (buffer[i] == '\n') {
                    int lineEnd = i > start && buffer[i - 1] == '\r' ? i - 1 : i;
                    String line = new String(buffer, start, lineEnd - start, StandardCharsets.ISO_8859_1);
                    start = i + 1;
                    return line;
                }
            }
            scanned = end - start;
            if (scanned == buffer.length) throw new IOException("an answer's header line is too long");
            fill(); // keeps the unread bytes, moved to the front: scanned still counts from start
        }
    }

    private byte[] readBytes(int count) throws IOException {
        byte[] bytes = new byte[count];
        int copied = 0;
        while (copied < count) {
            if (start == end) fill();
            int n = Math.min(count - copied, end - start);
            System.arraycopy(buffer, start, bytes, copied, n);
            start += n;
            copied += n;
        }
        return bytes;
    }

    /** Moves what is unread to the front of the buffer and reads more after it. */
    private void fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        if (System.nanoTime() > deadlineNanos) throw new SocketTimeoutException("no whole answer in time");
        int n = in.read(buffer, end, buffer.length - end);
        if (n < 0) throw new EOFException("the server closed the connection");
        end += n;
    }

    @Override
    public void reset() {
        if (socket == null) return;
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing a connection we are dropping anyway: nothing left to do with it.
        }
        socket = null;
        in = null;
        out = null;
        start = 0;
        end = 0;
    }

    @Override
    public void close() {
        reset();
    }
}
