package dev.strom.it.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strom.it.support.Clients;
import dev.strom.it.support.Names;
import dev.strom.it.support.StromBroker;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.ConsumerGroupState;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.errors.InvalidPartitionsException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.OffsetOutOfRangeException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;

/** The Java AdminClient against Strom, one test per family of admin calls. */
class AdminTest {
    private final String bootstrap = StromBroker.shared().bootstrap();

    private static <T> T get(KafkaFuture<T> f) throws Exception {
        return f.get(30, TimeUnit.SECONDS);
    }

    private static Throwable failure(KafkaFuture<?> f) {
        return assertThrows(ExecutionException.class, () -> f.get(30, TimeUnit.SECONDS))
                .getCause();
    }

    private void produce(String topic, int partition, int count) throws Exception {
        try (KafkaProducer<String, String> p = Clients.producer(bootstrap, Map.of())) {
            for (int i = 0; i < count; i++) {
                p.send(new ProducerRecord<>(topic, partition, null, "v" + i));
            }
            p.flush();
        }
    }

    /** Topics are created, listed, described and deleted; bad requests get Kafka's errors. */
    @Test
    void topicsLifecycle() throws Exception {
        String topic = Names.unique("admin-topic");
        try (Admin admin = Clients.admin(bootstrap)) {
            get(admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all());
            assertTrue(get(admin.listTopics().names()).contains(topic));
            TopicDescription d = get(admin.describeTopics(List.of(topic)).allTopicNames())
                    .get(topic);
            assertEquals(3, d.partitions().size());
            assertFalse(d.isInternal());
            assertNotNull(d.topicId());
            assertEquals(1, d.partitions().get(0).replicas().size());
            assertInstanceOf(TopicExistsException.class, failure(
                    admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all()));
            assertInstanceOf(InvalidTopicException.class, failure(
                    admin.createTopics(List.of(new NewTopic("bad/name", 1, (short) 1))).all()));
            get(admin.deleteTopics(List.of(topic)).all());
            assertInstanceOf(UnknownTopicOrPartitionException.class,
                    failure(admin.describeTopics(List.of(topic)).allTopicNames()));
        }
    }

    /** Partitions grow; shrinking is refused with INVALID_PARTITIONS. */
    @Test
    void partitionsGrowButNeverShrink() throws Exception {
        String topic = Names.unique("admin-parts");
        Clients.createTopic(bootstrap, topic, 2);
        try (Admin admin = Clients.admin(bootstrap)) {
            get(admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(5))).all());
            assertEquals(5, get(admin.describeTopics(List.of(topic)).allTopicNames())
                    .get(topic).partitions().size());
            assertInstanceOf(InvalidPartitionsException.class, failure(
                    admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(3))).all()));
        }
    }

    private static ConfigEntry entry(Admin admin, ConfigResource r, String name)
            throws Exception {
        Config c = get(admin.describeConfigs(List.of(r)).all()).get(r);
        return c.get(name);
    }

    /**
     * IncrementalAlterConfigs SET and DELETE change a topic's config and its source; the
     * legacy AlterConfigs (removed from the 4.x client, present in 3.x) replaces the set.
     */
    @Test
    void topicConfigsIncrementalAndLegacy() throws Exception {
        String topic = Names.unique("admin-config");
        Clients.createTopic(bootstrap, topic, 1);
        ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try (Admin admin = Clients.admin(bootstrap)) {
            ConfigEntry before = entry(admin, r, "retention.ms");
            assertEquals("604800000", before.value());
            assertEquals(ConfigEntry.ConfigSource.DEFAULT_CONFIG, before.source());
            get(admin.incrementalAlterConfigs(Map.of(r, List.of(
                    new AlterConfigOp(new ConfigEntry("retention.ms", "3600000"),
                            AlterConfigOp.OpType.SET),
                    new AlterConfigOp(new ConfigEntry("cleanup.policy", "compact"),
                            AlterConfigOp.OpType.SET)))).all());
            ConfigEntry set = entry(admin, r, "retention.ms");
            assertEquals("3600000", set.value());
            assertEquals(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG, set.source());
            assertEquals("compact", entry(admin, r, "cleanup.policy").value());
            get(admin.incrementalAlterConfigs(Map.of(r, List.of(new AlterConfigOp(
                    new ConfigEntry("retention.ms", ""), AlterConfigOp.OpType.DELETE)))).all());
            assertEquals("604800000", entry(admin, r, "retention.ms").value());
            assertInstanceOf(InvalidConfigurationException.class, failure(
                    admin.incrementalAlterConfigs(Map.of(r, List.of(new AlterConfigOp(
                            new ConfigEntry("retention.ms", "soon"),
                            AlterConfigOp.OpType.SET)))).all()));

            Method legacy = legacyAlterConfigs(admin);
            if (legacy != null) {
                Object result = legacy.invoke(admin, Map.of(r,
                        new Config(List.of(new ConfigEntry("segment.ms", "7200000")))));
                KafkaFuture<?> all = (KafkaFuture<?>) result.getClass().getMethod("all")
                        .invoke(result);
                get(all);
                assertEquals("7200000", entry(admin, r, "segment.ms").value());
                // Legacy AlterConfigs replaces the whole set: the compact policy is gone.
                assertEquals("delete", entry(admin, r, "cleanup.policy").value());
            }
        }
    }

    private static Method legacyAlterConfigs(Admin admin) {
        try {
            Method m = Admin.class.getMethod("alterConfigs", Map.class);
            m.setAccessible(true);
            return m;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /** DescribeCluster names one broker, which is also the controller, and a cluster id. */
    @Test
    void describeCluster() throws Exception {
        try (Admin admin = Clients.admin(bootstrap)) {
            DescribeClusterResult c = admin.describeCluster();
            Collection<Node> nodes = get(c.nodes());
            assertEquals(1, nodes.size());
            Node n = nodes.iterator().next();
            assertEquals("127.0.0.1", n.host());
            assertEquals(StromBroker.shared().port(), n.port());
            assertNotNull(get(c.clusterId()));
            assertNotNull(get(c.controller()));
        }
    }

    /**
     * Consumer groups are listed with their state, described with members and assignments,
     * have their offsets reset while empty, and are deleted only when empty.
     */
    @Test
    void consumerGroupsListDescribeResetDelete() throws Exception {
        String topic = Names.unique("admin-group");
        String group = Names.unique("g-admin");
        Clients.createTopic(bootstrap, topic, 2);
        produce(topic, 0, 10);
        TopicPartition tp0 = new TopicPartition(topic, 0);
        try (Admin admin = Clients.admin(bootstrap)) {
            try (KafkaConsumer<String, String> c = Clients.consumer(bootstrap, group, Map.of())) {
                c.subscribe(List.of(topic));
                assertEquals(10, Clients.pollUntil(c, 10, Duration.ofSeconds(45)).size());
                c.commitSync();
                Collection<ConsumerGroupListing> listed = get(admin.listConsumerGroups().all());
                ConsumerGroupListing mine = listed.stream()
                        .filter(l -> l.groupId().equals(group)).findFirst().orElseThrow();
                assertEquals(ConsumerGroupState.STABLE, mine.state().orElseThrow());
                ConsumerGroupDescription d = get(admin.describeConsumerGroups(List.of(group))
                        .all()).get(group);
                assertEquals(ConsumerGroupState.STABLE, d.state());
                assertEquals(1, d.members().size());
                assertEquals(Set.of(tp0, new TopicPartition(topic, 1)),
                        d.members().iterator().next().assignment().topicPartitions());
                assertInstanceOf(GroupNotEmptyException.class,
                        failure(admin.deleteConsumerGroups(List.of(group)).all()));
            }
            assertEquals(10, get(admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()).get(tp0).offset());
            assertEquals(ConsumerGroupState.EMPTY, get(admin.describeConsumerGroups(
                    List.of(group)).all()).get(group).state());
            get(admin.alterConsumerGroupOffsets(group,
                    Map.of(tp0, new OffsetAndMetadata(3))).all());
            assertEquals(3, get(admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()).get(tp0).offset());
            get(admin.deleteConsumerGroups(List.of(group)).all());
            assertFalse(get(admin.listConsumerGroups().all()).stream()
                    .anyMatch(l -> l.groupId().equals(group)));
        }
    }

    /** DeleteRecords moves the log start offset; offsets past the end are refused. */
    @Test
    void deleteRecordsMovesLogStart() throws Exception {
        String topic = Names.unique("admin-delete");
        Clients.createTopic(bootstrap, topic, 1);
        produce(topic, 0, 10);
        TopicPartition tp = new TopicPartition(topic, 0);
        try (Admin admin = Clients.admin(bootstrap)) {
            long low = get(admin.deleteRecords(Map.of(tp, RecordsToDelete.beforeOffset(6)))
                    .lowWatermarks().get(tp)).lowWatermark();
            assertEquals(6, low);
            assertEquals(6, get(admin.listOffsets(Map.of(tp, OffsetSpec.earliest())).all())
                    .get(tp).offset());
            assertInstanceOf(OffsetOutOfRangeException.class, failure(admin.deleteRecords(
                    Map.of(tp, RecordsToDelete.beforeOffset(99))).lowWatermarks().get(tp)));
        }
        assertEquals("v6", Clients.readAll(bootstrap, topic, 4, Map.of()).get(0).value());
    }

    /** ListOffsets: earliest, latest, by timestamp and max timestamp. */
    @Test
    void listOffsetsSpecs() throws Exception {
        String topic = Names.unique("admin-offsets");
        Clients.createTopic(bootstrap, topic, 1);
        TopicPartition tp = new TopicPartition(topic, 0);
        long t0 = System.currentTimeMillis() - 100_000;
        try (KafkaProducer<String, String> p = Clients.producer(bootstrap, Map.of())) {
            long[] times = {t0, t0 + 5000, t0 + 1000, t0 + 2000};
            for (long t : times) {
                p.send(new ProducerRecord<>(topic, 0, t, null, "v"));
            }
            p.flush();
        }
        try (Admin admin = Clients.admin(bootstrap)) {
            assertEquals(0, offsetOf(admin, tp, OffsetSpec.earliest()).offset());
            assertEquals(4, offsetOf(admin, tp, OffsetSpec.latest()).offset());
            assertEquals(1, offsetOf(admin, tp, OffsetSpec.forTimestamp(t0 + 3000)).offset());
            ListOffsetsResultInfo max = offsetOf(admin, tp, OffsetSpec.maxTimestamp());
            assertEquals(1, max.offset());
            assertEquals(t0 + 5000, max.timestamp());
            assertEquals(-1, offsetOf(admin, tp, OffsetSpec.forTimestamp(t0 + 9000)).offset());
        }
    }

    private static ListOffsetsResultInfo offsetOf(Admin admin, TopicPartition tp, OffsetSpec s)
            throws Exception {
        return get(admin.listOffsets(Map.of(tp, s)).all()).get(tp);
    }

    /**
     * DescribeProducers shows an idempotent producer's id on the partition it wrote, and an
     * open transaction appears in ListTransactions and DescribeTransactions as Ongoing.
     */
    @Test
    void producersAndTransactions() throws Exception {
        String topic = Names.unique("admin-txn");
        String txnId = Names.unique("admin-txn");
        Clients.createTopic(bootstrap, topic, 1);
        TopicPartition tp = new TopicPartition(topic, 0);
        try (Admin admin = Clients.admin(bootstrap);
                KafkaProducer<String, String> p = Clients.producer(bootstrap, Map.of(
                        ProducerConfig.TRANSACTIONAL_ID_CONFIG, txnId))) {
            p.initTransactions();
            p.beginTransaction();
            p.send(new ProducerRecord<>(topic, "open")).get();
            List<ProducerState> producers = get(admin.describeProducers(List.of(tp)).all())
                    .get(tp).activeProducers();
            assertEquals(1, producers.size());
            assertEquals(0, producers.get(0).currentTransactionStartOffset().orElse(-1));
            Collection<TransactionListing> listed = get(admin.listTransactions().all());
            TransactionListing mine = listed.stream()
                    .filter(l -> l.transactionalId().equals(txnId)).findFirst().orElseThrow();
            assertEquals(TransactionState.ONGOING, mine.state());
            assertEquals(producers.get(0).producerId(), mine.producerId());
            TransactionDescription d = get(admin.describeTransactions(List.of(txnId)).all())
                    .get(txnId);
            assertEquals(TransactionState.ONGOING, d.state());
            assertEquals(Set.of(tp), d.topicPartitions());
            p.commitTransaction();
            // EndTxn answers once PrepareCommit is durable; markers complete it after.
            TransactionState state = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (state != TransactionState.COMPLETE_COMMIT && System.nanoTime() < deadline) {
                state = get(admin.describeTransactions(List.of(txnId)).all()).get(txnId).state();
                Thread.sleep(50);
            }
            assertEquals(TransactionState.COMPLETE_COMMIT, state);
        }
    }

    /** DescribeLogDirs reports the data directory and each partition's size. */
    @Test
    void logDirs() throws Exception {
        String topic = Names.unique("admin-logdir");
        Clients.createTopic(bootstrap, topic, 1);
        produce(topic, 0, 50);
        try (Admin admin = Clients.admin(bootstrap)) {
            int node = get(admin.describeCluster().nodes()).iterator().next().id();
            Map<String, LogDirDescription> dirs = get(admin.describeLogDirs(List.of(node))
                    .allDescriptions()).get(node);
            assertEquals(1, dirs.size());
            LogDirDescription d = dirs.values().iterator().next();
            assertEquals(null, d.error());
            long size = d.replicaInfos().get(new TopicPartition(topic, 0)).size();
            assertTrue(size > 50 * 2, "size " + size);
        }
    }
}
