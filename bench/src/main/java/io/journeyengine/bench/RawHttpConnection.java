package io.journeyengine.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 keep-alive connection to 127.0.0.1 for one thread: POST a JSON body, read the status and the
 * body (Content-Length or chunked). It costs the generator a fraction of the CPU of {@code java.net.http.HttpClient}
 * per request, which matters when client and engine share two cores ({@code --client=raw}); the default client is
 * still {@code HttpClient}.
 */
final class RawHttpConnection implements Closeable {

    /** Reconnect rather than reuse a connection the server may have closed for being idle. */
    private static final long MAX_IDLE_NANOS = 5_000_000_000L;

    record Response(int status, String body) {
    }

    private final int port;
    private final byte[] headerStart;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private long lastUsed;

    RawHttpConnection(int port, String path) {
        this.port = port;
        this.headerStart = ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + (HttpLoad.authenticated(path) ? "\r\nAuthorization: Bearer " + HttpLoad.KEY : "")
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: ")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    Response post(byte[] body) throws IOException {
        if (socket != null && System.nanoTime() - lastUsed > MAX_IDLE_NANOS) {
            close();
        }
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(60_000);
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            out = socket.getOutputStream();
        }
        try {
            byte[] length = (body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
            byte[] request = new byte[headerStart.length + length.length + body.length];
            System.arraycopy(headerStart, 0, request, 0, headerStart.length);
            System.arraycopy(length, 0, request, headerStart.length, length.length);
            System.arraycopy(body, 0, request, headerStart.length + length.length, body.length);
            out.write(request);
            out.flush();
            Response response = read();
            lastUsed = System.nanoTime();
            return response;
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private Response read() throws IOException {
        String statusLine = line();
        // HTTP/1.1 200 
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long contentLength = -1;
        boolean chunked = false;
        boolean closeAfter = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> contentLength = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> closeAfter = value.equalsIgnoreCase("close");
                default -> {
                }
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(contentLength > 0 ? (int) contentLength : 1024);
        if (chunked) {
            for (int size = chunkSize(); size > 0; size = chunkSize()) {
                copy(size, body);
                line();
            }
            while (!line().isEmpty()) {
                // trailers
            }
        } else if (contentLength >= 0) {
            copy(contentLength, body);
        } else {
            in.transferTo(body);
            closeAfter = true;
        }
        if (closeAfter) {
            close();
        }
        return new Response(status, body.toString(StandardCharsets.UTF_8));
    }

    private int chunkSize() throws IOException {
        String line = line();
        int semicolon = line.indexOf(';');
        return Integer.parseInt((semicolon >= 0 ? line.substring(0, semicolon) : line).trim(), 16);
    }

    private void copy(long n, ByteArrayOutputStream to) throws IOException {
        byte[] buffer = new byte[8192];
        while (n > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, n));
            if (read < 0) {
                throw new EOFException("connection closed in the middle of a response body");
            }
            to.write(buffer, 0, read);
            n -= read;
        }
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("connection closed by the server");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        socket = null;
        in = null;
        out = null;
    }
}
