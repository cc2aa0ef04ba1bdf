package dev.strom.it.ecosystem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strom.it.support.Clients;
import dev.strom.it.support.JavaProcess;
import dev.strom.it.support.Names;
import dev.strom.it.support.StromBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kafka Connect workers with the FileStream connectors, their state kept on Strom. */
class ConnectTest {
    private static final String SOURCE = "org.apache.kafka.connect.file.FileStreamSourceConnector";
    private static final String SINK = "org.apache.kafka.connect.file.FileStreamSinkConnector";
    private final String bootstrap = StromBroker.shared().bootstrap();

    @TempDir
    Path dir;

    private static List<String> lines(int n, String prefix) {
        return IntStream.range(0, n).mapToObj(i -> prefix + "-line-" + i).toList();
    }

    private static List<String> readLines(Path p) throws Exception {
        return Files.exists(p) ? Files.readAllLines(p) : List.of();
    }

    private static Path write(Path p, String text) throws Exception {
        Files.writeString(p, text);
        return p;
    }

    /**
     * A standalone worker's FileStream source copies a file into a topic and its sink copies
     * the topic into another file, line for line.
     */
    @Test
    void standaloneCopiesAFileThroughATopic() throws Exception {
        String topic = Names.unique("connect-standalone");
        Clients.createTopic(bootstrap, topic, 1);
        Path in = dir.resolve("in.txt");
        Path out = dir.resolve("out.txt");
        List<String> expected = lines(500, "standalone");
        Files.write(in, expected);
        Path worker = write(dir.resolve("worker.properties"), String.join("\n",
                "bootstrap.servers=" + bootstrap,
                "key.converter=org.apache.kafka.connect.storage.StringConverter",
                "value.converter=org.apache.kafka.connect.storage.StringConverter",
                "offset.storage.file.filename=" + dir.resolve("offsets"),
                "offset.flush.interval.ms=1000",
                "listeners=http://127.0.0.1:" + JavaProcess.freePort(),
                "plugin.discovery=only_scan"));
        Path source = write(dir.resolve("source.properties"), String.join("\n",
                "name=file-source", "connector.class=" + SOURCE, "tasks.max=1",
                "file=" + in, "topic=" + topic));
        Path sink = write(dir.resolve("sink.properties"), String.join("\n",
                "name=file-sink", "connector.class=" + SINK, "tasks.max=1",
                "file=" + out, "topics=" + topic));
        try (JavaProcess w = JavaProcess.start(dir.resolve("worker.log"),
                "org.apache.kafka.connect.cli.ConnectStandalone",
                worker.toString(), source.toString(), sink.toString())) {
            boolean copied = JavaProcess.await(90, () -> readLines(out).size() >= expected.size());
            assertTrue(copied, "sink wrote " + readLines(out).size() + " lines\n" + w.tail());
            assertEquals(expected, readLines(out));
            List<String> inTopic = Clients.readAll(bootstrap, topic, expected.size(), Map.of())
                    .stream().map(r -> r.value()).toList();
            assertEquals(expected, inTopic);
        }
    }

    private static HttpResponse<String> http(String method, String url, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json");
        b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.method(method, HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A distributed worker with exactly-once source support keeps its config, offset and
     * status topics on Strom (compacted, as it creates them), runs a source connector that
     * requires exactly-once delivery and a sink, and the file comes out whole.
     */
    @Test
    void distributedWorkerKeepsItsStateOnStromWithExactlyOnceSource() throws Exception {
        String id = Names.unique("connect");
        String topic = id + "-data";
        Clients.createTopic(bootstrap, topic, 1);
        Path in = dir.resolve("in.txt");
        Path out = dir.resolve("out.txt");
        List<String> expected = lines(300, "distributed");
        Files.write(in, expected);
        int port = JavaProcess.freePort();
        String rest = "http://127.0.0.1:" + port;
        Path worker = write(dir.resolve("worker.properties"), String.join("\n",
                "bootstrap.servers=" + bootstrap,
                "group.id=" + id,
                "key.converter=org.apache.kafka.connect.storage.StringConverter",
                "value.converter=org.apache.kafka.connect.storage.StringConverter",
                "config.storage.topic=" + id + "-configs",
                "offset.storage.topic=" + id + "-offsets",
                "status.storage.topic=" + id + "-status",
                "config.storage.replication.factor=1",
                "offset.storage.replication.factor=1",
                "status.storage.replication.factor=1",
                "offset.flush.interval.ms=1000",
                "exactly.once.source.support=enabled",
                "listeners=" + rest,
                "plugin.discovery=only_scan"));
        try (JavaProcess w = JavaProcess.start(dir.resolve("worker.log"),
                "org.apache.kafka.connect.cli.ConnectDistributed", worker.toString())) {
            assertTrue(JavaProcess.await(90, () -> {
                try {
                    return http("GET", rest + "/connectors", null).statusCode() == 200;
                } catch (java.io.IOException e) {
                    return false;
                }
            }), "the REST API came up\n" + w.tail());
            HttpResponse<String> created = http("POST", rest + "/connectors", "{\"name\":\""
                    + "eos-source\",\"config\":{\"connector.class\":\"" + SOURCE + "\","
                    + "\"tasks.max\":\"1\",\"file\":\"" + in + "\",\"topic\":\"" + topic + "\","
                    + "\"exactly.once.support\":\"required\","
                    + "\"transaction.boundary\":\"poll\"}}");
            assertEquals(201, created.statusCode(), created.body() + "\n" + w.tail());
            created = http("POST", rest + "/connectors", "{\"name\":\"sink\",\"config\":{"
                    + "\"connector.class\":\"" + SINK + "\",\"tasks.max\":\"1\","
                    + "\"file\":\"" + out + "\",\"topics\":\"" + topic + "\","
                    + "\"consumer.override.isolation.level\":\"read_committed\"}}");
            assertEquals(201, created.statusCode(), created.body());
            boolean copied = JavaProcess.await(90, () -> readLines(out).size() >= expected.size());
            assertTrue(copied, "sink wrote " + readLines(out).size() + " lines\n" + w.tail());
            assertEquals(expected, readLines(out));
            String status = http("GET", rest + "/connectors/eos-source/status", null).body();
            assertTrue(status.contains("\"state\":\"RUNNING\""), status);
            assertTrue(!status.contains("FAILED"), status);
        }
        // What a read_committed consumer sees is exactly the file: the source's transactions
        // committed, nothing twice.
        List<String> committed = new ArrayList<>();
        Clients.readAll(bootstrap, topic, expected.size(), Map.of(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"))
                .forEach(r -> committed.add(r.value()));
        assertEquals(expected, committed);
        try (Admin admin = Clients.admin(bootstrap)) {
            for (String internal : List.of("-configs", "-offsets", "-status")) {
                ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, id + internal);
                Config c = admin.describeConfigs(List.of(r)).all().get().get(r);
                assertEquals("compact", c.get("cleanup.policy").value(), id + internal);
            }
            assertEquals(1, admin.describeTopics(List.of(id + "-configs")).allTopicNames().get()
                    .get(id + "-configs").partitions().size(), "the config topic has one partition");
            String groups = admin.listConsumerGroups().all().get().stream()
                    .map(g -> g.groupId()).collect(Collectors.joining(","));
            assertTrue(groups.contains("connect-sink"), groups);
        }
    }
}
