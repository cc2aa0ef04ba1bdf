package dev.strom.it.ecosystem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strom.it.support.Clients;
import dev.strom.it.support.Names;
import dev.strom.it.support.StromBroker;
import dev.strom.it.support.Tool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Kafka's own command-line tools (the classes behind the kafka-*.sh scripts, each in its own
 * JVM) against Strom, asserting on what they print.
 */
class ToolsTest {
    private static final String TOPICS = "org.apache.kafka.tools.TopicCommand";
    private static final String CONFIGS = "kafka.admin.ConfigCommand";
    private static final String CONSOLE_PRODUCER = "org.apache.kafka.tools.ConsoleProducer";
    private static final String CONSOLE_CONSUMER =
            "org.apache.kafka.tools.consumer.ConsoleConsumer";
    private static final String GROUPS =
            "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand";
    private static final String GET_OFFSETS = "org.apache.kafka.tools.GetOffsetShell";
    private static final String DELETE_RECORDS = "org.apache.kafka.tools.DeleteRecordsCommand";
    private static final String TRANSACTIONS = "org.apache.kafka.tools.TransactionsCommand";
    private static final String PRODUCER_PERF = "org.apache.kafka.tools.ProducerPerformance";
    private static final String CONSUMER_PERF = "org.apache.kafka.tools.ConsumerPerformance";
    private static final String LOG_DIRS = "org.apache.kafka.tools.LogDirsCommand";
    private static final String DUMP_LOG = "org.apache.kafka.tools.DumpLogSegments";

    private final StromBroker broker = StromBroker.shared();
    private final String bootstrap = broker.bootstrap();

    /** kafka-topics creates, lists, describes, grows and deletes a topic. */
    @Test
    void kafkaTopics() {
        String topic = Names.unique("cli-topics");
        Tool.run(TOPICS, "--bootstrap-server", bootstrap, "--create", "--topic", topic,
                "--partitions", "3", "--replication-factor", "1",
                "--config", "retention.ms=3600000").ok();
        assertTrue(Tool.run(TOPICS, "--bootstrap-server", bootstrap, "--list").ok()
                .stdout.lines().anyMatch(topic::equals));
        String described = Tool.run(TOPICS, "--bootstrap-server", bootstrap, "--describe",
                "--topic", topic).ok().stdout;
        assertTrue(described.contains("PartitionCount: 3"), described);
        assertTrue(described.contains("retention.ms=3600000"), described);
        assertTrue(described.matches("(?s).*Partition: 2\\s+Leader: \\d+\\s+Replicas: \\d+\\s+"
                + "Isr: \\d+.*"), described);
        Tool.run(TOPICS, "--bootstrap-server", bootstrap, "--alter", "--topic", topic,
                "--partitions", "5").ok();
        assertTrue(Tool.run(TOPICS, "--bootstrap-server", bootstrap, "--describe", "--topic",
                topic).ok().stdout.contains("PartitionCount: 5"));
        Tool dup = Tool.run(TOPICS, "--bootstrap-server", bootstrap, "--create", "--topic",
                topic, "--partitions", "1");
        assertEquals(1, dup.exitCode, dup.toString());
        assertTrue(dup.stdout.contains("already exists") || dup.stderr.contains("already exists"),
                dup.toString());
        Tool.run(TOPICS, "--bootstrap-server", bootstrap, "--delete", "--topic", topic).ok();
        assertTrue(Tool.run(TOPICS, "--bootstrap-server", bootstrap, "--list").ok()
                .stdout.lines().noneMatch(topic::equals));
    }

    /** kafka-configs adds, describes and deletes topic configs and describes the broker's. */
    @Test
    void kafkaConfigs() {
        String topic = Names.unique("cli-configs");
        Clients.createTopic(bootstrap, topic, 1);
        Tool.run(CONFIGS, "--bootstrap-server", bootstrap, "--entity-type", "topics",
                "--entity-name", topic, "--alter",
                "--add-config", "retention.ms=1000,segment.bytes=1048576").ok();
        String d = Tool.run(CONFIGS, "--bootstrap-server", bootstrap, "--entity-type",
                "topics", "--entity-name", topic, "--describe").ok().stdout;
        assertTrue(d.contains("retention.ms=1000 sensitive=false"), d);
        assertTrue(d.contains("segment.bytes=1048576"), d);
        Tool.run(CONFIGS, "--bootstrap-server", bootstrap, "--entity-type", "topics",
                "--entity-name", topic, "--alter", "--delete-config", "retention.ms").ok();
        d = Tool.run(CONFIGS, "--bootstrap-server", bootstrap, "--entity-type", "topics",
                "--entity-name", topic, "--describe").ok().stdout;
        assertTrue(!d.contains("retention.ms=1000") && d.contains("segment.bytes"), d);
        String all = Tool.run(CONFIGS, "--bootstrap-server", bootstrap, "--entity-type",
                "topics", "--entity-name", topic, "--describe", "--all").ok().stdout;
        assertTrue(all.contains("cleanup.policy=delete"), all);
        String brokers = Tool.run(CONFIGS, "--bootstrap-server", bootstrap, "--entity-type",
                "brokers", "--entity-default", "--describe").ok().stdout;
        assertTrue(brokers.contains("Default configs for brokers in the cluster are:"), brokers);
        Tool bad = Tool.run(CONFIGS, "--bootstrap-server", bootstrap, "--entity-type", "topics",
                "--entity-name", topic, "--alter", "--add-config", "retention.ms=soon");
        assertTrue(bad.exitCode != 0, bad.toString());
    }

    /**
     * The console producer writes keyed lines, the console consumer reads them back as a
     * group member, and kafka-consumer-groups describes, resets and deletes that group.
     */
    @Test
    void consoleClientsAndConsumerGroups() {
        String topic = Names.unique("cli-console");
        String group = Names.unique("cli-group");
        Clients.createTopic(bootstrap, topic, 1);
        Tool.runWithInput("k1:one\nk2:two\nk3:three\n", CONSOLE_PRODUCER,
                "--bootstrap-server", bootstrap, "--topic", topic,
                "--reader-property", "parse.key=true", "--reader-property", "key.separator=:")
                .ok();
        String out = Tool.run(CONSOLE_CONSUMER, "--bootstrap-server", bootstrap, "--topic",
                topic, "--group", group, "--from-beginning", "--max-messages", "3",
                "--formatter-property", "print.key=true",
                "--formatter-property", "key.separator=|",
                "--timeout-ms", "30000").ok().stdout;
        assertEquals(List.of("k1|one", "k2|two", "k3|three"), out.lines().toList());

        String list = Tool.run(GROUPS, "--bootstrap-server", bootstrap, "--list").ok().stdout;
        assertTrue(list.lines().anyMatch(group::equals), list);
        String describe = Tool.run(GROUPS, "--bootstrap-server", bootstrap, "--describe",
                "--group", group).ok().stdout;
        // GROUP TOPIC PARTITION CURRENT-OFFSET LOG-END-OFFSET LAG ...
        assertTrue(describe.matches("(?s).*" + group + "\\s+" + topic + "\\s+0\\s+3\\s+3\\s+0.*"),
                describe);
        String reset = Tool.run(GROUPS, "--bootstrap-server", bootstrap, "--reset-offsets",
                "--group", group, "--topic", topic, "--to-earliest", "--execute").ok().stdout;
        assertTrue(reset.matches("(?s).*" + group + "\\s+" + topic + "\\s+0\\s+0.*"), reset);
        describe = Tool.run(GROUPS, "--bootstrap-server", bootstrap, "--describe",
                "--group", group).ok().stdout;
        assertTrue(describe.matches("(?s).*" + topic + "\\s+0\\s+0\\s+3\\s+3.*"), describe);
        String shift = Tool.run(GROUPS, "--bootstrap-server", bootstrap, "--reset-offsets",
                "--group", group, "--topic", topic, "--shift-by", "2", "--execute").ok().stdout;
        assertTrue(shift.matches("(?s).*" + topic + "\\s+0\\s+2.*"), shift);
        String deleted = Tool.run(GROUPS, "--bootstrap-server", bootstrap, "--delete",
                "--group", group).ok().stdout;
        assertTrue(deleted.contains("Deletion of requested consumer groups ('" + group
                + "') was successful."), deleted);
        Tool missing = Tool.run(GROUPS, "--bootstrap-server", bootstrap, "--describe",
                "--group", group);
        // Kafka 4.x answers DescribeGroups v6 for a deleted group with GROUP_ID_NOT_FOUND, which
        // the tool prints as "not found"; before v6 it printed "does not exist".
        String said = missing.stdout + missing.stderr;
        assertTrue(said.contains("does not exist") || said.contains("not found"),
                missing.toString());
    }

    /** kafka-get-offsets prints latest, earliest and by-time offsets; kafka-delete-records
     * moves the earliest. */
    @Test
    void getOffsetsAndDeleteRecords() throws Exception {
        String topic = Names.unique("cli-offsets");
        Clients.createTopic(bootstrap, topic, 2);
        try (KafkaProducer<String, String> p = Clients.producer(bootstrap, Map.of())) {
            for (int i = 0; i < 10; i++) {
                p.send(new ProducerRecord<>(topic, i % 2, null, "v" + i));
            }
        }
        assertEquals(List.of(topic + ":0:5", topic + ":1:5"), Tool.run(GET_OFFSETS,
                "--bootstrap-server", bootstrap, "--topic", topic).ok().stdout.lines().toList());
        Path json = Files.createTempFile("delete-records", ".json");
        Files.writeString(json, "{\"version\":1,\"partitions\":[{\"topic\":\"" + topic
                + "\",\"partition\":0,\"offset\":3}]}");
        String del = Tool.run(DELETE_RECORDS, "--bootstrap-server", bootstrap,
                "--offset-json-file", json.toString()).ok().stdout;
        assertTrue(del.contains("partition: " + topic + "-0\tlow_watermark: 3"), del);
        assertEquals(List.of(topic + ":0:3", topic + ":1:0"), Tool.run(GET_OFFSETS,
                "--bootstrap-server", bootstrap, "--topic", topic, "--time", "-2").ok()
                .stdout.lines().toList());
        Files.deleteIfExists(json);
    }

    /** kafka-transactions lists and describes an open transaction and its producer. */
    @Test
    void kafkaTransactions() throws Exception {
        String topic = Names.unique("cli-txn");
        String txnId = Names.unique("cli-txn");
        Clients.createTopic(bootstrap, topic, 1);
        try (KafkaProducer<String, String> p = Clients.producer(bootstrap, Map.of(
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, txnId))) {
            p.initTransactions();
            p.beginTransaction();
            p.send(new ProducerRecord<>(topic, "open")).get();
            String list = Tool.run(TRANSACTIONS, "--bootstrap-server", bootstrap, "list")
                    .ok().stdout;
            assertTrue(list.matches("(?s).*" + txnId + "\\s+\\d+\\s+\\d+\\s+Ongoing.*"), list);
            String describe = Tool.run(TRANSACTIONS, "--bootstrap-server", bootstrap,
                    "describe", "--transactional-id", txnId).ok().stdout;
            assertTrue(describe.contains("Ongoing") && describe.contains(topic + "-0"),
                    describe);
            String producers = Tool.run(TRANSACTIONS, "--bootstrap-server", bootstrap,
                    "describe-producers", "--topic", topic, "--partition", "0").ok().stdout;
            // ProducerId ProducerEpoch LatestCoordinatorEpoch LastSequence LastTimestamp
            // CurrentTransactionStartOffset
            assertTrue(producers.matches("(?s).*\\n\\d+\\s+\\d+\\s+-?\\d+\\s+0\\s+\\d+\\s+0\\s*"),
                    producers);
            p.commitTransaction();
        }
        String after = Tool.run(TRANSACTIONS, "--bootstrap-server", bootstrap, "describe",
                "--transactional-id", txnId).ok().stdout;
        assertTrue(after.contains("CompleteCommit"), after);
    }

    /** kafka-producer-perf-test and kafka-consumer-perf-test run to completion. */
    @Test
    void perfTests() {
        String topic = Names.unique("cli-perf");
        Clients.createTopic(bootstrap, topic, 2);
        String produced = Tool.run(PRODUCER_PERF, "--topic", topic, "--num-records", "50000",
                "--record-size", "100", "--throughput", "-1", "--producer-props",
                "bootstrap.servers=" + bootstrap, "acks=all").ok().stdout;
        assertTrue(produced.contains("50000 records sent"), produced);
        String consumed = Tool.run(CONSUMER_PERF, "--bootstrap-server", bootstrap, "--topic",
                topic, "--messages", "50000", "--timeout", "30000").ok().stdout;
        // start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, ...
        String[] row = consumed.strip().lines().reduce((a, b) -> b).orElseThrow().split(",\\s*");
        assertEquals("50000", row[4], consumed);
    }

    /** kafka-log-dirs describes the data directory with each partition's size. */
    @Test
    void logDirs() throws Exception {
        String topic = Names.unique("cli-logdirs");
        Clients.createTopic(bootstrap, topic, 1);
        try (KafkaProducer<String, String> p = Clients.producer(bootstrap, Map.of())) {
            p.send(new ProducerRecord<>(topic, "x".repeat(1000))).get();
        }
        String out = Tool.run(LOG_DIRS, "--bootstrap-server", bootstrap, "--describe",
                "--topic-list", topic).ok().stdout;
        Matcher m = Pattern.compile("\"partition\":\"" + Pattern.quote(topic)
                + "-0\",\"size\":(\\d+)").matcher(out);
        assertTrue(m.find(), out);
        assertTrue(Long.parseLong(m.group(1)) > 1000, out);
        assertTrue(out.contains(broker.dataDir().getFileName().toString()), out);
    }

    /**
     * kafka-dump-log reads Strom's own .log, .index and .timeindex files from its data
     * directory: Kafka's on-disk layout, byte for byte.
     */
    @Test
    void dumpLogReadsStromSegments() throws Exception {
        String topic = Names.unique("cli-dump");
        // Strom keeps the active segment's index entries in memory and writes the files when
        // the segment rolls: segment.ms makes the record after the twenty roll segment 0.
        long rollMs = 10_000;
        Clients.createTopic(bootstrap, topic, 1, Map.of("index.interval.bytes", "100",
                "segment.ms", Long.toString(rollMs)));
        long created = System.currentTimeMillis();
        long t0 = 1_700_000_000_000L;
        try (KafkaProducer<String, String> p = Clients.producer(bootstrap, Map.of(
                ProducerConfig.LINGER_MS_CONFIG, 0, ProducerConfig.COMPRESSION_TYPE_CONFIG,
                "none"))) {
            for (int i = 0; i < 20; i++) {
                p.send(new ProducerRecord<>(topic, 0, t0 + i, "key" + i, "payload-" + i)).get();
            }
            assertTrue(System.currentTimeMillis() - created < rollMs,
                    "the twenty records took longer than segment.ms to write");
            Thread.sleep(Math.max(0, created + rollMs + 500 - System.currentTimeMillis()));
            p.send(new ProducerRecord<>(topic, 0, t0 + 20, "key20", "payload-20")).get();
        }
        Path dir = broker.dataDir().resolve(topic + "-0");
        String base = "00000000000000000000";
        String log = Tool.run(DUMP_LOG, "--files", dir.resolve(base + ".log").toString(),
                "--print-data-log").ok().stdout;
        assertTrue(log.contains("baseOffset: 19 lastOffset: 19 count: 1"), log);
        assertTrue(log.contains("offset: 7 CreateTime: " + (t0 + 7) + " keySize: 4 valueSize: 9 "
                + "sequence: 7 headerKeys: [] key: key7 payload: payload-7"), log);
        assertTrue(log.contains("isvalid: true") && !log.contains("isvalid: false"), log);
        String index = Tool.run(DUMP_LOG, "--files", dir.resolve(base + ".index").toString())
                .ok().stdout;
        Matcher m = Pattern.compile("offset: (\\d+) position: (\\d+)").matcher(index);
        int entries = 0;
        while (m.find()) {
            entries++;
        }
        assertTrue(entries >= 5, index);
        assertTrue(!index.contains("Mismatches in :"), index);
        String time = Tool.run(DUMP_LOG, "--files", dir.resolve(base + ".timeindex").toString())
                .ok().stdout;
        Matcher tm = Pattern.compile("timestamp: (\\d+) offset: (\\d+)").matcher(time);
        int timeEntries = 0;
        while (tm.find()) {
            timeEntries++;
            long ts = Long.parseLong(tm.group(1));
            assertEquals(t0 + Long.parseLong(tm.group(2)), ts, time);
        }
        assertTrue(timeEntries >= 1, time);
        assertTrue(!time.contains("Found timestamp mismatch"), time);
    }
}
