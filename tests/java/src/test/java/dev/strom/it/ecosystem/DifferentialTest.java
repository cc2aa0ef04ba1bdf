package dev.strom.it.ecosystem;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strom.it.support.Clients;
import dev.strom.it.support.KafkaPeer;
import dev.strom.it.support.Names;
import dev.strom.it.support.StromBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.DescribeConfigsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One scenario run against Apache Kafka and against Strom, comparing what a Java client sees:
 * error codes for bad and edge-case requests, ListOffsets edge cases, group states and the
 * DescribeConfigs of a topic. A difference fails the test unless {@link #KNOWN} lists it with
 * its reason (docs/compatibility-notes.md carries the same table); a listed difference that
 * has gone away fails too, so the list stays true.
 */
class DifferentialTest {
    /** Case name to the reason Strom answers differently from Kafka. */
    static final Map<String, String> KNOWN = new LinkedHashMap<>();

    private static final Map<String, String[]> OUTCOMES = new LinkedHashMap<>();
    private static Admin kafka;
    private static Admin strom;
    private static String kafkaBootstrap;
    private static String stromBootstrap;

    @BeforeAll
    static void connect() {
        kafkaBootstrap = KafkaPeer.shared().bootstrap();
        stromBootstrap = StromBroker.shared().bootstrap();
        kafka = admin(kafkaBootstrap);
        strom = admin(stromBootstrap);
    }

    /** An admin client that gives up after 5 s: a retried unknown partition is a timeout. */
    private static Admin admin(String bootstrap) {
        java.util.Properties p = new java.util.Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("default.api.timeout.ms", 5000);
        p.put("request.timeout.ms", 5000);
        return Admin.create(p);
    }

    @AfterAll
    static void report() throws Exception {
        kafka.close();
        strom.close();
        StringBuilder md = new StringBuilder(
                "| case | Apache Kafka 4.3.2 | Strom | |\n|---|---|---|---|\n");
        OUTCOMES.forEach((name, o) -> md.append("| ").append(name).append(" | `")
                .append(o[0]).append("` | `").append(o[1]).append("` | ")
                .append(o[0].equals(o[1]) ? "same" : "differs: " + KNOWN.getOrDefault(name, "?"))
                .append(" |\n"));
        Path out = Path.of("target", "differential.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString());
    }

    @FunctionalInterface
    interface Scenario {
        Object run(Admin admin, String bootstrap) throws Exception;
    }

    /** What a call's outcome looks like to the client: its value or its exception's class. */
    private static String outcome(Scenario s, Admin admin, String bootstrap) {
        try {
            return String.valueOf(s.run(admin, bootstrap));
        } catch (ExecutionException e) {
            return name(e.getCause());
        } catch (Exception e) {
            return name(e);
        }
    }

    /** An exception's class, with its cause's where a generic wrapper hides the error. */
    private static String name(Throwable e) {
        String n = e.getClass().getSimpleName();
        return e.getClass() == org.apache.kafka.common.KafkaException.class
                && e.getCause() != null ? n + "(" + name(e.getCause()) + ")" : n;
    }

    private static List<String> check(Map<String, Scenario> cases) {
        List<String> failures = new ArrayList<>();
        cases.forEach((name, s) -> {
            String k = outcome(s, kafka, kafkaBootstrap);
            String m = outcome(s, strom, stromBootstrap);
            OUTCOMES.put(name, new String[] {k, m});
            boolean same = k.equals(m);
            if (!same && !KNOWN.containsKey(name)) {
                failures.add(name + ": Kafka `" + k + "`, Strom `" + m + "`");
            } else if (same && KNOWN.containsKey(name)) {
                failures.add(name + ": listed as a known difference but both say `" + k + "`");
            }
        });
        return failures;
    }

    private static <T> T get(KafkaFuture<T> f) throws Exception {
        return f.get(30, TimeUnit.SECONDS);
    }

    private static String create(Admin a, String name, int partitions, Map<String, String> cfg)
            throws Exception {
        get(a.createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(cfg)))
                .all());
        return "ok";
    }

    private static void produce(String bootstrap, String topic, long... timestamps)
            throws Exception {
        try (KafkaProducer<String, String> p = Clients.producer(bootstrap, Map.of(
                ProducerConfig.LINGER_MS_CONFIG, 50))) {
            for (long t : timestamps) {
                p.send(new ProducerRecord<>(topic, 0, t, null, "v"));
            }
            p.flush();
        }
    }

    private static String offsets(Admin a, TopicPartition tp, OffsetSpec spec) throws Exception {
        ListOffsetsResultInfo i = get(a.listOffsets(Map.of(tp, spec)).all()).get(tp);
        return i.offset() + "@" + (i.timestamp() < 0 ? "-1" : "ts");
    }

    private static final String ERR = "UnknownTopicOrPartitionException";

    static {
        String tiered = "a config of a Kafka feature Strom does not have (tiered storage, "
                + "per-codec compression levels, the decompressed-size bound): Strom neither "
                + "reports nor accepts it";
        for (String name : List.of("compression.gzip.level", "compression.lz4.level",
                "compression.zstd.level", "local.retention.bytes",
                "local.retention.ms", "max.decompressed.message.bytes",
                "remote.log.copy.disable", "remote.log.delete.on.disable",
                "remote.storage.enable")) {
            KNOWN.put("DescribeConfigs topic `" + name + "`", tiered);
        }
        KNOWN.put("DescribeConfigs topic `min.insync.replicas`", "Kafka's storage format "
                + "writes min.insync.replicas=1 as a cluster-wide dynamic default (for KIP-966's "
                + "eligible leader replicas); Strom has no such record, so its source is the "
                + "default");
    }

    /** Topic administration: bad names, counts, configs, duplicates. */
    @Test
    void topicErrors() {
        Map<String, Scenario> c = new LinkedHashMap<>();
        String name = Names.unique("diff-topic");
        c.put("CreateTopics, valid", (a, b) -> create(a, name, 2, Map.of()));
        c.put("CreateTopics, already exists", (a, b) -> create(a, name, 2, Map.of()));
        c.put("CreateTopics, name with '/'", (a, b) -> create(a, "bad/name", 1, Map.of()));
        c.put("CreateTopics, name '..'", (a, b) -> create(a, "..", 1, Map.of()));
        c.put("CreateTopics, 250-character name",
                (a, b) -> create(a, "n".repeat(250), 1, Map.of()));
        c.put("CreateTopics, 0 partitions", (a, b) -> create(a, Names.unique("z"), 0, Map.of()));
        c.put("CreateTopics, replication factor 3", (a, b) -> {
            get(a.createTopics(List.of(new NewTopic(Names.unique("rf"), 1, (short) 3))).all());
            return "ok";
        });
        c.put("CreateTopics, unknown config", (a, b) ->
                create(a, Names.unique("cfg"), 1, Map.of("no.such.config", "1")));
        c.put("CreateTopics, retention.ms=abc", (a, b) ->
                create(a, Names.unique("cfg"), 1, Map.of("retention.ms", "abc")));
        c.put("CreateTopics, cleanup.policy=bogus", (a, b) ->
                create(a, Names.unique("cfg"), 1, Map.of("cleanup.policy", "bogus")));
        c.put("CreateTopics, validate only leaves no topic", (a, b) -> {
            String v = Names.unique("validate");
            get(a.createTopics(List.of(new NewTopic(v, 1, (short) 1)),
                    new CreateTopicsOptions().validateOnly(true)).all());
            return get(a.listTopics().names()).contains(v);
        });
        c.put("DescribeTopics, unknown", (a, b) ->
                get(a.describeTopics(List.of("no-such-topic")).allTopicNames()));
        c.put("DeleteTopics, unknown", (a, b) -> get(a.deleteTopics(List.of("no-such-topic"))
                .all()));
        c.put("CreatePartitions, fewer", (a, b) ->
                get(a.createPartitions(Map.of(name, NewPartitions.increaseTo(1))).all()));
        c.put("CreatePartitions, same count", (a, b) ->
                get(a.createPartitions(Map.of(name, NewPartitions.increaseTo(2))).all()));
        c.put("CreatePartitions, unknown topic", (a, b) ->
                get(a.createPartitions(Map.of("no-such-topic", NewPartitions.increaseTo(2)))
                        .all()));
        List<String> failures = check(c);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static String alter(Admin a, String topic, String key, String value,
            AlterConfigOp.OpType op) throws Exception {
        ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        get(a.incrementalAlterConfigs(Map.of(r, List.of(
                new AlterConfigOp(new ConfigEntry(key, value), op)))).all());
        return "ok";
    }

    /** Config changes: unknown resources and names, bad values, list operations. */
    @Test
    void configErrors() {
        String topic = Names.unique("diff-config");
        Map<String, Scenario> c = new LinkedHashMap<>();
        c.put("(setup) CreateTopics", (a, b) -> create(a, topic, 1, Map.of()));
        c.put("IncrementalAlterConfigs, unknown topic", (a, b) ->
                alter(a, "no-such-topic", "retention.ms", "1000", AlterConfigOp.OpType.SET));
        c.put("IncrementalAlterConfigs, unknown name", (a, b) ->
                alter(a, topic, "no.such.config", "1", AlterConfigOp.OpType.SET));
        c.put("IncrementalAlterConfigs, bad value", (a, b) ->
                alter(a, topic, "retention.ms", "soon", AlterConfigOp.OpType.SET));
        c.put("IncrementalAlterConfigs, APPEND to a non-list", (a, b) ->
                alter(a, topic, "retention.ms", "5", AlterConfigOp.OpType.APPEND));
        c.put("IncrementalAlterConfigs, APPEND to cleanup.policy", (a, b) -> {
            alter(a, topic, "cleanup.policy", "compact", AlterConfigOp.OpType.APPEND);
            ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            return get(a.describeConfigs(List.of(r)).all()).get(r).get("cleanup.policy")
                    .value();
        });
        c.put("IncrementalAlterConfigs, DELETE an unset name", (a, b) ->
                alter(a, topic, "segment.ms", "", AlterConfigOp.OpType.DELETE));
        c.put("DescribeConfigs, unknown topic", (a, b) -> {
            ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, "no-such-topic");
            return get(a.describeConfigs(List.of(r)).all()).get(r).entries().size();
        });
        c.put("DescribeConfigs, broker that is not this node", (a, b) -> {
            ConfigResource r = new ConfigResource(ConfigResource.Type.BROKER, "77");
            return get(a.describeConfigs(List.of(r)).all()).get(r).entries().size();
        });
        List<String> failures = check(c);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** ListOffsets and DeleteRecords edge cases, fetches out of range, oversized records. */
    @Test
    void offsetEdgeCases() {
        String empty = Names.unique("diff-empty");
        String full = Names.unique("diff-full");
        String small = Names.unique("diff-small");
        long t0 = System.currentTimeMillis() - 60_000;
        TopicPartition e0 = new TopicPartition(empty, 0);
        TopicPartition f0 = new TopicPartition(full, 0);
        Map<String, Scenario> c = new LinkedHashMap<>();
        c.put("(setup) topics and records", (a, b) -> {
            create(a, empty, 1, Map.of());
            create(a, full, 1, Map.of());
            create(a, small, 1, Map.of("max.message.bytes", "1000"));
            produce(b, full, t0, t0 + 5000, t0 + 1000, t0 + 2000, t0 + 3000);
            return "ok";
        });
        c.put("ListOffsets earliest, empty", (a, b) -> offsets(a, e0, OffsetSpec.earliest()));
        c.put("ListOffsets latest, empty", (a, b) -> offsets(a, e0, OffsetSpec.latest()));
        c.put("ListOffsets max timestamp, empty",
                (a, b) -> offsets(a, e0, OffsetSpec.maxTimestamp()));
        c.put("ListOffsets by timestamp, empty",
                (a, b) -> offsets(a, e0, OffsetSpec.forTimestamp(t0)));
        c.put("ListOffsets latest", (a, b) -> offsets(a, f0, OffsetSpec.latest()));
        c.put("ListOffsets by timestamp 0", (a, b) -> offsets(a, f0, OffsetSpec.forTimestamp(0)));
        c.put("ListOffsets by timestamp, between records",
                (a, b) -> offsets(a, f0, OffsetSpec.forTimestamp(t0 + 2500)));
        c.put("ListOffsets by timestamp, after every record",
                (a, b) -> offsets(a, f0, OffsetSpec.forTimestamp(t0 + 60_000)));
        c.put("ListOffsets max timestamp, out-of-order timestamps in one batch",
                (a, b) -> offsets(a, f0, OffsetSpec.maxTimestamp()));
        c.put("ListOffsets, unknown partition", (a, b) ->
                offsets(a, new TopicPartition(full, 7), OffsetSpec.latest()));
        c.put("DeleteRecords, beyond the high watermark", (a, b) -> get(a.deleteRecords(
                Map.of(f0, RecordsToDelete.beforeOffset(99))).all()));
        c.put("DeleteRecords, unknown partition", (a, b) -> get(a.deleteRecords(Map.of(
                new TopicPartition(full, 9), RecordsToDelete.beforeOffset(1))).all()));
        c.put("DeleteRecords, to offset 2 then earliest", (a, b) -> {
            get(a.deleteRecords(Map.of(f0, RecordsToDelete.beforeOffset(2))).all());
            return offsets(a, f0, OffsetSpec.earliest());
        });
        c.put("DeleteRecords, below the log start (no-op)", (a, b) -> {
            get(a.deleteRecords(Map.of(f0, RecordsToDelete.beforeOffset(1))).all());
            return offsets(a, f0, OffsetSpec.earliest());
        });
        c.put("Fetch below the log start, auto.offset.reset=none", (a, b) -> {
            try (KafkaConsumer<String, String> k = Clients.consumer(b, null, Map.of(
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none"))) {
                k.assign(List.of(f0));
                k.seek(f0, 0);
                return Clients.pollUntil(k, 1, Duration.ofSeconds(5)).size();
            }
        });
        c.put("Fetch beyond the end, auto.offset.reset=none", (a, b) -> {
            try (KafkaConsumer<String, String> k = Clients.consumer(b, null, Map.of(
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none"))) {
                k.assign(List.of(f0));
                k.seek(f0, 50);
                return Clients.pollUntil(k, 1, Duration.ofSeconds(5)).size();
            }
        });
        c.put("Produce a record over the topic's max.message.bytes", (a, b) -> {
            try (KafkaProducer<String, String> p = Clients.producer(b, Map.of())) {
                return p.send(new ProducerRecord<>(small, "x".repeat(2000))).get(30,
                        TimeUnit.SECONDS).offset();
            }
        });
        c.put("Produce with acks=all to an unknown partition", (a, b) -> {
            try (KafkaProducer<String, String> p = Clients.producer(b, Map.of(
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000,
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5000,
                    ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4000))) {
                return p.send(new ProducerRecord<>(small, 5, null, "x")).get(30,
                        TimeUnit.SECONDS).offset();
            }
        });
        List<String> failures = check(c);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static String groupState(Admin a, String group) {
        return outcome((x, y) -> {
            var d = get(x.describeConsumerGroups(List.of(group)).all()).get(group);
            return d.state() + "/" + d.members().size() + " members/" + d.type();
        }, a, null);
    }

    /** Group states through a group's life, and group errors. */
    @Test
    void groupStatesAndErrors() {
        String topic = Names.unique("diff-group");
        String classic = Names.unique("diff-classic");
        String modern = Names.unique("diff-consumer");
        Map<String, Scenario> c = new LinkedHashMap<>();
        c.put("(setup) CreateTopics", (a, b) -> create(a, topic, 2, Map.of()));
        c.put("DescribeGroups, unknown group", (a, b) -> groupState(a, "no-such-group"));
        c.put("DeleteGroups, unknown group", (a, b) ->
                get(a.deleteConsumerGroups(List.of("no-such-group")).all()));
        c.put("OffsetFetch, unknown group", (a, b) ->
                get(a.listConsumerGroupOffsets("no-such-group").partitionsToOffsetAndMetadata()));
        c.put("Classic group: member active, then closed, then deleted", (a, b) -> {
            List<String> states = new ArrayList<>();
            try (KafkaConsumer<String, String> k = Clients.consumer(b, classic, Map.of())) {
                k.subscribe(List.of(topic));
                Clients.awaitAssignment(k, Duration.ofSeconds(45));
                k.commitSync(Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(0)));
                states.add(groupState(a, classic));
                states.add(outcome((x, y) -> get(x.alterConsumerGroupOffsets(classic, Map.of(
                        new TopicPartition(topic, 0), new OffsetAndMetadata(0))).all()), a, b));
                states.add(outcome((x, y) -> get(x.deleteConsumerGroupOffsets(classic,
                        Set.of(new TopicPartition(topic, 0))).all()), a, b));
                states.add(outcome((x, y) -> get(x.deleteConsumerGroups(List.of(classic))
                        .all()), a, b));
            }
            states.add(groupState(a, classic));
            states.add(outcome((x, y) -> get(x.deleteConsumerGroups(List.of(classic)).all()),
                    a, b));
            states.add(groupState(a, classic));
            return String.join(", ", states);
        });
        c.put("Consumer (KIP-848) group: member active, then closed", (a, b) -> {
            List<String> states = new ArrayList<>();
            try (KafkaConsumer<String, String> k = Clients.consumer(b, modern, Map.of(
                    ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer"))) {
                k.subscribe(List.of(topic));
                Clients.awaitAssignment(k, Duration.ofSeconds(45));
                k.commitSync(Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(0)));
                states.add(groupState(a, modern));
            }
            states.add(groupState(a, modern));
            return String.join(", ", states);
        });
        List<String> failures = check(c);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** Transactional and idempotent producer errors. */
    @Test
    void transactionErrors() {
        String topic = Names.unique("diff-txn");
        Map<String, Scenario> c = new LinkedHashMap<>();
        c.put("(setup) CreateTopics", (a, b) -> create(a, topic, 1, Map.of()));
        c.put("InitProducerId, timeout over transaction.max.timeout.ms", (a, b) -> {
            try (KafkaProducer<String, String> p = Clients.producer(b, Map.of(
                    ProducerConfig.TRANSACTIONAL_ID_CONFIG, Names.unique("t"),
                    ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 3_600_000))) {
                p.initTransactions();
                return "ok";
            }
        });
        c.put("DescribeTransactions, unknown id", (a, b) ->
                get(a.describeTransactions(List.of("no-such-txn")).all()));
        c.put("DescribeProducers, unknown partition", (a, b) ->
                get(a.describeProducers(List.of(new TopicPartition(topic, 4))).all()));
        c.put("Commit after a second instance fenced the first", (a, b) -> {
            String id = Names.unique("fenced");
            KafkaProducer<String, String> first = Clients.producer(b, Map.of(
                    ProducerConfig.TRANSACTIONAL_ID_CONFIG, id));
            try {
                first.initTransactions();
                first.beginTransaction();
                first.send(new ProducerRecord<>(topic, "zombie")).get();
                try (KafkaProducer<String, String> second = Clients.producer(b, Map.of(
                        ProducerConfig.TRANSACTIONAL_ID_CONFIG, id))) {
                    second.initTransactions();
                }
                first.commitTransaction();
                return "ok";
            } finally {
                first.close(Duration.ZERO);
            }
        });
        c.put("ListTransactions, filtered by an unknown producer id", (a, b) ->
                get(a.listTransactions(new org.apache.kafka.clients.admin.ListTransactionsOptions()
                        .filterProducerIds(Set.of(987654321L))).all()).size());
        List<String> failures = check(c);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static Map<String, String> describe(Admin a, ConfigResource r) throws Exception {
        Config c = get(a.describeConfigs(List.of(r), new DescribeConfigsOptions()
                .includeSynonyms(true)).all()).get(r);
        Map<String, String> out = new TreeMap<>();
        for (ConfigEntry e : c.entries()) {
            String synonyms = e.synonyms().stream().map(s -> s.name() + ":" + s.source())
                    .collect(Collectors.joining(" "));
            out.put(e.name(), e.value() + "; " + e.source() + "; readOnly=" + e.isReadOnly()
                    + "; sensitive=" + e.isSensitive() + "; " + e.type() + "; synonyms: "
                    + synonyms);
        }
        return out;
    }

    /**
     * DescribeConfigs of a topic with one override: every config Kafka reports, with its
     * value, source, flags, type and synonyms, is reported the same by Strom.
     */
    @Test
    void describeConfigsOfATopic() throws Exception {
        String topic = Names.unique("diff-describe");
        create(kafka, topic, 1, Map.of("retention.ms", "1000"));
        create(strom, topic, 1, Map.of("retention.ms", "1000"));
        ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Map<String, String> k = describe(kafka, r);
        Map<String, String> m = describe(strom, r);
        Map<String, Scenario> c = new LinkedHashMap<>();
        for (String name : new TreeSet<>(k.keySet())) {
            c.put("DescribeConfigs topic `" + name + "`", (a, b) ->
                    (a == kafka ? k : m).getOrDefault(name, "(absent)"));
        }
        Set<String> extra = new TreeSet<>(m.keySet());
        extra.removeAll(k.keySet());
        c.put("DescribeConfigs topic, names Kafka does not report", (a, b) ->
                a == kafka ? "[]" : extra.toString());
        List<String> failures = check(c);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** Keeps a collection's order-free content comparable as a string. */
    static String sorted(Collection<?> c) {
        return c.stream().map(String::valueOf).sorted().toList().toString();
    }
}
