package dev.relaydesk.e2e;

import com.google.protobuf.InvalidProtocolBufferException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

/**
 * What an OpenTelemetry collector receives from the services, kept in memory: an OTLP/HTTP (protobuf) trace
 * receiver on loopback, in place of a real collector, which this machine cannot run.
 */
final class TraceCollector implements AutoCloseable {

    /** One exported span, ids in lower-case hex as trace tools show them. */
    record CollectedSpan(String service, String name, String kind, String traceId, String spanId, String parentSpanId,
            Map<String, String> attributes) {

        boolean isRoot() {
            return parentSpanId.isEmpty();
        }
    }

    private final HttpServer server;
    private final List<CollectedSpan> spans = new CopyOnWriteArrayList<>();

    private TraceCollector(HttpServer server) {
        this.server = server;
    }

    static TraceCollector start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            TraceCollector collector = new TraceCollector(server);
            server.createContext("/", collector::receive);
            server.setExecutor(Executors.newFixedThreadPool(2));
            server.start();
            return collector;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the trace collector", e);
        }
    }

    /** What every service needs to export its spans here, quickly. */
    Map<String, String> serviceProperties() {
        return Map.of(
                "quarkus.otel.sdk.disabled", "false",
                "quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf",
                "quarkus.otel.exporter.otlp.traces.endpoint", "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces",
                "quarkus.otel.bsp.schedule.delay", "200ms");
    }

    List<CollectedSpan> spans() {
        return List.copyOf(spans);
    }

    List<CollectedSpan> trace(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                    ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            ExportTraceServiceRequest request;
            try {
                request = ExportTraceServiceRequest.parseFrom(body);
            } catch (InvalidProtocolBufferException e) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            request.getResourceSpansList().forEach(this::keep);
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
        }
    }

    private void keep(ResourceSpans resourceSpans) {
        String service = attributes(resourceSpans.getResource().getAttributesList()).getOrDefault("service.name", "?");
        for (ScopeSpans scope : resourceSpans.getScopeSpansList()) {
            scope.getSpansList().forEach(span -> spans.add(new CollectedSpan(service, span.getName(),
                    span.getKind().name(), hex(span.getTraceId().toByteArray()), hex(span.getSpanId().toByteArray()),
                    hex(span.getParentSpanId().toByteArray()), attributes(span.getAttributesList()))));
        }
    }

    private static Map<String, String> attributes(List<KeyValue> keyValues) {
        Map<String, String> attributes = new LinkedHashMap<>();
        keyValues.forEach(kv -> attributes.put(kv.getKey(), switch (kv.getValue().getValueCase()) {
            case STRING_VALUE -> kv.getValue().getStringValue();
            case INT_VALUE -> String.valueOf(kv.getValue().getIntValue());
            case BOOL_VALUE -> String.valueOf(kv.getValue().getBoolValue());
            case DOUBLE_VALUE -> String.valueOf(kv.getValue().getDoubleValue());
            default -> kv.getValue().toString();
        }));
        return attributes;
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
