package dev.strom.it.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strom.it.support.Clients;
import dev.strom.it.support.Names;
import dev.strom.it.support.StromBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The Java consumer against Strom: both group protocols, assignors, seeking, commits. */
class ConsumerTest {
    private static final Duration GROUP_WAIT = Duration.ofSeconds(45);
    private final String bootstrap = StromBroker.shared().bootstrap();

    private void produce(String topic, int partitions, int perPartition) throws Exception {
        try (KafkaProducer<String, String> p = Clients.producer(bootstrap, Map.of())) {
            for (int part = 0; part < partitions; part++) {
                for (int i = 0; i < perPartition; i++) {
                    p.send(new ProducerRecord<>(topic, part, "k" + i, part + ":" + i));
                }
            }
            p.flush();
        }
    }

    /** Polls both members until each has a non-empty assignment and together they cover all. */
    private static void awaitBalanced(
            KafkaConsumer<?, ?> a, KafkaConsumer<?, ?> b, int partitions) {
        long deadline = System.nanoTime() + GROUP_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            a.poll(Clients.POLL);
            b.poll(Clients.POLL);
            Set<TopicPartition> union = new HashSet<>(a.assignment());
            union.addAll(b.assignment());
            if (!a.assignment().isEmpty() && !b.assignment().isEmpty()
                    && union.size() == partitions
                    && a.assignment().size() + b.assignment().size() == partitions) {
                return;
            }
        }
        throw new AssertionError("no balanced assignment: " + a.assignment() + " / "
                + b.assignment());
    }

    /** Two classic members with the range assignor split four partitions two and two. */
    @Test
    void classicRangeAssignorSplitsPartitions() throws Exception {
        String topic = Names.unique("range");
        String group = Names.unique("g-range");
        Clients.createTopic(bootstrap, topic, 4);
        Map<String, Object> cfg = Map.of(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                RangeAssignor.class.getName());
        try (KafkaConsumer<String, String> a = Clients.consumer(bootstrap, group, cfg);
                KafkaConsumer<String, String> b = Clients.consumer(bootstrap, group, cfg)) {
            a.subscribe(List.of(topic));
            b.subscribe(List.of(topic));
            awaitBalanced(a, b, 4);
            assertEquals(2, a.assignment().size());
            assertEquals(2, b.assignment().size());
        }
    }

    /**
     * With cooperative-sticky, a second member joining takes partitions from the first without
     * the first ever giving up the ones it keeps.
     */
    @Test
    void cooperativeStickyMovesOnlyWhatItMust() throws Exception {
        String topic = Names.unique("coop");
        String group = Names.unique("g-coop");
        Clients.createTopic(bootstrap, topic, 4);
        Map<String, Object> cfg = Map.of(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                CooperativeStickyAssignor.class.getName());
        List<TopicPartition> revokedFromA = new CopyOnWriteArrayList<>();
        try (KafkaConsumer<String, String> a = Clients.consumer(bootstrap, group, cfg);
                KafkaConsumer<String, String> b = Clients.consumer(bootstrap, group, cfg)) {
            a.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    revokedFromA.addAll(partitions);
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {}
            });
            assertEquals(4, Clients.awaitAssignment(a, GROUP_WAIT).size());
            Set<TopicPartition> before = new HashSet<>(a.assignment());
            b.subscribe(List.of(topic));
            awaitBalanced(a, b, 4);
            assertTrue(before.containsAll(a.assignment()));
            assertEquals(2, revokedFromA.size(), "only the moved partitions are revoked");
            assertTrue(b.assignment().containsAll(revokedFromA));
        }
    }

    /**
     * A static member (group.instance.id) that restarts within its session timeout gets its
     * partitions back and the other member sees no rebalance.
     */
    @Test
    void staticMemberRejoinsWithoutRebalance() throws Exception {
        String topic = Names.unique("static");
        String group = Names.unique("g-static");
        Clients.createTopic(bootstrap, topic, 4);
        Map<String, Object> a1 = Map.of(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "a",
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 30000);
        Map<String, Object> b1 = Map.of(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "b",
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 30000);
        List<TopicPartition> revokedFromB = new CopyOnWriteArrayList<>();
        try (KafkaConsumer<String, String> b = Clients.consumer(bootstrap, group, b1)) {
            Set<TopicPartition> assignedA;
            try (KafkaConsumer<String, String> a = Clients.consumer(bootstrap, group, a1)) {
                a.subscribe(List.of(topic));
                b.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                    @Override
                    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                        revokedFromB.addAll(partitions);
                    }

                    @Override
                    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {}
                });
                awaitBalanced(a, b, 4);
                assignedA = new HashSet<>(a.assignment());
            }
            revokedFromB.clear();
            Set<TopicPartition> assignedB = new HashSet<>(b.assignment());
            // A static member's close sends no LeaveGroup, so the group keeps its partitions.
            try (KafkaConsumer<String, String> a = Clients.consumer(bootstrap, group, a1)) {
                a.subscribe(List.of(topic));
                assertEquals(assignedA, Clients.awaitAssignment(a, GROUP_WAIT));
                for (int i = 0; i < 10; i++) {
                    b.poll(Clients.POLL);
                }
                assertEquals(assignedB, b.assignment());
                assertEquals(List.of(), revokedFromB);
            }
        }
    }

    /** KIP-848 (group.protocol=consumer): two members share the partitions and read all. */
    @Test
    void consumerGroupProtocolSharesAndConsumes() throws Exception {
        String topic = Names.unique("kip848");
        String group = Names.unique("g-848");
        Clients.createTopic(bootstrap, topic, 4);
        produce(topic, 4, 25);
        Map<String, Object> cfg = Map.of(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer");
        Set<String> seen = new HashSet<>();
        try (KafkaConsumer<String, String> a = Clients.consumer(bootstrap, group, cfg);
                KafkaConsumer<String, String> b = Clients.consumer(bootstrap, group, cfg)) {
            a.subscribe(List.of(topic));
            b.subscribe(List.of(topic));
            long deadline = System.nanoTime() + GROUP_WAIT.toNanos();
            while (System.nanoTime() < deadline
                    && (seen.size() < 100 || a.assignment().isEmpty()
                            || b.assignment().isEmpty())) {
                a.poll(Clients.POLL).forEach(r -> seen.add(r.value()));
                b.poll(Clients.POLL).forEach(r -> seen.add(r.value()));
            }
            assertEquals(100, seen.size());
            Set<TopicPartition> union = new HashSet<>(a.assignment());
            union.addAll(b.assignment());
            assertEquals(4, union.size());
            assertEquals(4, a.assignment().size() + b.assignment().size());
            a.commitSync();
            b.commitSync();
        }
        try (KafkaConsumer<String, String> c = Clients.consumer(bootstrap, group, cfg)) {
            Set<TopicPartition> all = new HashSet<>();
            for (int i = 0; i < 4; i++) {
                all.add(new TopicPartition(topic, i));
            }
            long committed = c.committed(all).values().stream()
                    .mapToLong(OffsetAndMetadata::offset).sum();
            assertTrue(committed > 0, "the members committed what they read");
        }
    }

    /** offsetsForTimes finds the first record at or after a timestamp, and seek goes there. */
    @Test
    void seekByTimestamp() throws Exception {
        String topic = Names.unique("bytime");
        Clients.createTopic(bootstrap, topic, 1);
        long t0 = System.currentTimeMillis() - 3_600_000;
        try (KafkaProducer<String, String> p = Clients.producer(bootstrap, Map.of())) {
            for (int i = 0; i < 20; i++) {
                p.send(new ProducerRecord<>(topic, 0, t0 + i * 1000L, null, "v" + i));
            }
            p.flush();
        }
        TopicPartition tp = new TopicPartition(topic, 0);
        try (KafkaConsumer<String, String> c = Clients.consumer(bootstrap, null, Map.of())) {
            c.assign(List.of(tp));
            Map<TopicPartition, OffsetAndTimestamp> found =
                    c.offsetsForTimes(Map.of(tp, t0 + 6500));
            assertEquals(7, found.get(tp).offset());
            assertEquals(t0 + 7000, found.get(tp).timestamp());
            assertEquals(null, c.offsetsForTimes(Map.of(tp, t0 + 100_000)).get(tp),
                    "no record at or after a later time");
            c.seek(tp, found.get(tp).offset());
            List<ConsumerRecord<String, String>> got =
                    Clients.pollUntil(c, 13, Duration.ofSeconds(20));
            assertEquals("v7", got.get(0).value());
            assertEquals(13, got.size());
        }
    }

    /** A paused partition yields nothing while another flows; resume delivers its records. */
    @Test
    void pauseAndResume() throws Exception {
        String topic = Names.unique("pause");
        Clients.createTopic(bootstrap, topic, 2);
        produce(topic, 2, 10);
        TopicPartition p0 = new TopicPartition(topic, 0);
        TopicPartition p1 = new TopicPartition(topic, 1);
        try (KafkaConsumer<String, String> c = Clients.consumer(bootstrap, null, Map.of())) {
            c.assign(List.of(p0, p1));
            c.pause(List.of(p1));
            List<ConsumerRecord<String, String>> first =
                    Clients.pollUntil(c, 20, Duration.ofSeconds(3));
            assertEquals(10, first.size());
            assertTrue(first.stream().allMatch(r -> r.partition() == 0));
            assertEquals(Set.of(p1), c.paused());
            c.resume(List.of(p1));
            List<ConsumerRecord<String, String>> rest =
                    Clients.pollUntil(c, 10, Duration.ofSeconds(20));
            assertEquals(10, rest.size());
            assertTrue(rest.stream().allMatch(r -> r.partition() == 1));
        }
    }

    /** commitSync and commitAsync both store offsets a new member of the group resumes from. */
    @Test
    void commitSyncAndAsyncAreResumedFrom() throws Exception {
        String topic = Names.unique("commit");
        String group = Names.unique("g-commit");
        Clients.createTopic(bootstrap, topic, 2);
        produce(topic, 2, 10);
        TopicPartition p0 = new TopicPartition(topic, 0);
        TopicPartition p1 = new TopicPartition(topic, 1);
        try (KafkaConsumer<String, String> c = Clients.consumer(bootstrap, group, Map.of())) {
            c.subscribe(List.of(topic));
            assertEquals(20, Clients.pollUntil(c, 20, GROUP_WAIT).size());
            c.commitSync(Map.of(p0, new OffsetAndMetadata(4, "sync")));
            CompletableFuture<Exception> done = new CompletableFuture<>();
            c.commitAsync(Map.of(p1, new OffsetAndMetadata(7, "async")),
                    (offsets, error) -> done.complete(error));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!done.isDone() && System.nanoTime() < deadline) {
                c.poll(Clients.POLL);
            }
            assertTrue(done.isDone(), "the async commit's callback ran");
            assertEquals(null, done.get());
        }
        try (KafkaConsumer<String, String> c = Clients.consumer(bootstrap, group, Map.of())) {
            Map<TopicPartition, OffsetAndMetadata> committed = c.committed(Set.of(p0, p1));
            assertEquals(4, committed.get(p0).offset());
            assertEquals("sync", committed.get(p0).metadata());
            assertEquals(7, committed.get(p1).offset());
            assertEquals("async", committed.get(p1).metadata());
            c.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> rest = Clients.pollUntil(c, 9, GROUP_WAIT);
            List<String> values = new ArrayList<>();
            rest.forEach(r -> values.add(r.value()));
            assertEquals(9, rest.size(), values.toString());
            assertTrue(values.contains("0:4") && !values.contains("0:3"));
            assertTrue(values.contains("1:7") && !values.contains("1:6"));
            assertNotNull(c.groupMetadata().memberId());
        }
    }
}
