package dev.gwellbridge.web;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Reads a Server-Sent Events stream on its own thread, collecting {@code (event, data)} pairs. */
public final class SseReader implements AutoCloseable {
    public record Message(String event, String data) {}

    public final List<Message> messages = new CopyOnWriteArrayList<>();
    public final int status;
    final String contentType;
    private final InputStream body;
    private final Thread thread;

    public SseReader(HttpClient http, URI uri) throws Exception {
        HttpResponse<InputStream> r = http.send(
                HttpRequest.newBuilder(uri)
                        .header("Accept", "text/event-stream")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        status = r.statusCode();
        contentType = r.headers().firstValue("Content-Type").orElse("");
        body = r.body();
        thread = new Thread(this::read, "test-sse-reader");
        thread.setDaemon(true);
        thread.start();
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String event = "message";
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        messages.add(new Message(event, data.toString()));
                    }
                    event = "message";
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    if (data.length() > 0) {
                        data.append('\n');
                    }
                    data.append(line.substring(5).trim());
                }
            }
        } catch (java.io.IOException e) {
            // the stream was closed by the test or the server
        }
    }

    List<String> events() {
        return messages.stream().map(Message::event).toList();
    }

    List<Message> named(String event) {
        return messages.stream().filter(m -> m.event().equals(event)).toList();
    }

    @Override
    public void close() throws java.io.IOException {
        body.close();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
