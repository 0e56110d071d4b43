package io.waybill.launcher.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A client that opens a stream over a plain socket with a tiny receive buffer and reads nothing until told to:
 * the server soon cannot write to it any more, as with a client on a stalled network.
 */
final class SlowStreamReader implements AutoCloseable {

    /** One message of the stream: its fields as sent. */
    record Message(String id, String event, String data) {
    }

    private final Socket socket;

    SlowStreamReader(int port, String path, String orgId, String token) throws IOException {
        socket = new Socket();
        socket.setReceiveBufferSize(1024);
        socket.connect(new InetSocketAddress("localhost", port));
        socket.setSoTimeout(30_000);
        String request = "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n"
                + "Authorization: Bearer " + token + "\r\nX-Org-Id: " + orgId + "\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    /** Reads the whole response body (chunked) until its end, and answers the messages with an event. */
    List<Message> readToEnd() throws IOException {
        InputStream in = socket.getInputStream();
        String head = line(in);
        if (!head.contains(" 200 ")) {
            throw new IllegalStateException("stream answered " + head);
        }
        while (!line(in).isEmpty()) {
            // headers
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        long deadline = System.currentTimeMillis() + 30_000;
        for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer.parseInt(line(in).trim(), 16)) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the stream did not end within 30 s");
            }
            body.write(in.readNBytes(size));
            line(in);
        }
        List<Message> messages = new ArrayList<>();
        for (String block : body.toString(StandardCharsets.UTF_8).split("\n\n")) {
            String id = null;
            String event = null;
            String data = null;
            for (String field : block.split("\n")) {
                if (field.startsWith("id:")) {
                    id = field.substring(3);
                } else if (field.startsWith("event:")) {
                    event = field.substring(6);
                } else if (field.startsWith("data:")) {
                    data = field.substring(5);
                }
            }
            if (event != null) {
                messages.add(new Message(id, event, data));
            }
        }
        return messages;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the stream ended early");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
