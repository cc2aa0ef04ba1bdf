package dev.strom.it.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strom.it.support.Clients;
import dev.strom.it.support.Names;
import dev.strom.it.support.StromBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.junit.jupiter.api.Test;

/** Java transactions against Strom: exactly-once loops, aborts, fencing, read_committed. */
class TransactionsTest {
    private static final Map<String, Object> READ_COMMITTED =
            Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    private final String bootstrap = StromBroker.shared().bootstrap();

    private KafkaProducer<String, String> transactional(String id) {
        KafkaProducer<String, String> p = Clients.producer(bootstrap, Map.of(
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, id,
                ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 30000));
        p.initTransactions();
        return p;
    }

    private static List<String> values(List<ConsumerRecord<String, String>> records) {
        List<String> out = new ArrayList<>();
        records.forEach(r -> out.add(r.value()));
        return out;
    }

    /**
     * A consume-transform-produce loop commits its output and its input offsets in one
     * transaction per batch (sendOffsetsToTransaction): the output holds each input record
     * exactly once and the group's committed offsets end at the input's end.
     */
    @Test
    void consumeTransformProduceIsExactlyOnce() throws Exception {
        String in = Names.unique("ctp-in");
        String out = Names.unique("ctp-out");
        String group = Names.unique("g-ctp");
        Clients.createTopic(bootstrap, in, 2);
        Clients.createTopic(bootstrap, out, 2);
        int n = 200;
        try (KafkaProducer<String, String> p = Clients.producer(bootstrap, Map.of())) {
            for (int i = 0; i < n; i++) {
                p.send(new ProducerRecord<>(in, i % 2, null, "r" + i));
            }
        }
        int copied = 0;
        try (KafkaConsumer<String, String> c = Clients.consumer(bootstrap, group, READ_COMMITTED);
                KafkaProducer<String, String> p = transactional(Names.unique("ctp"))) {
            c.subscribe(List.of(in));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (copied < n && System.nanoTime() < deadline) {
                ConsumerRecords<String, String> batch = c.poll(Clients.POLL);
                if (batch.isEmpty()) {
                    continue;
                }
                p.beginTransaction();
                Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
                for (ConsumerRecord<String, String> r : batch) {
                    p.send(new ProducerRecord<>(out, r.partition(), null, r.value().toUpperCase()));
                    offsets.put(new TopicPartition(r.topic(), r.partition()),
                            new OffsetAndMetadata(r.offset() + 1));
                    copied++;
                }
                p.sendOffsetsToTransaction(offsets, c.groupMetadata());
                p.commitTransaction();
            }
        }
        assertEquals(n, copied);
        List<String> got = values(Clients.readAll(bootstrap, out, n, READ_COMMITTED));
        assertEquals(n, got.size());
        assertEquals(n, Set.copyOf(got).size());
        assertTrue(got.contains("R0") && got.contains("R" + (n - 1)));
        try (KafkaConsumer<String, String> c = Clients.consumer(bootstrap, group, Map.of())) {
            Map<TopicPartition, OffsetAndMetadata> committed = c.committed(
                    Set.of(new TopicPartition(in, 0), new TopicPartition(in, 1)));
            assertEquals(n / 2, committed.get(new TopicPartition(in, 0)).offset());
            assertEquals(n / 2, committed.get(new TopicPartition(in, 1)).offset());
        }
    }

    /**
     * An aborted transaction's records are invisible to read_committed and visible to
     * read_uncommitted; its offsets, sent with sendOffsetsToTransaction, are not committed.
     */
    @Test
    void abortedTransactionsAreHiddenFromReadCommitted() throws Exception {
        String topic = Names.unique("abort");
        String group = Names.unique("g-abort");
        Clients.createTopic(bootstrap, topic, 1);
        TopicPartition tp = new TopicPartition(topic, 0);
        try (KafkaProducer<String, String> p = transactional(Names.unique("abort"))) {
            p.beginTransaction();
            for (int i = 0; i < 5; i++) {
                p.send(new ProducerRecord<>(topic, "aborted" + i));
            }
            p.sendOffsetsToTransaction(Map.of(tp, new OffsetAndMetadata(42)),
                    new org.apache.kafka.clients.consumer.ConsumerGroupMetadata(group));
            // Without the flush the client may drop unsent batches itself on abort.
            p.flush();
            p.abortTransaction();
            p.beginTransaction();
            for (int i = 0; i < 3; i++) {
                p.send(new ProducerRecord<>(topic, "committed" + i));
            }
            p.commitTransaction();
        }
        assertEquals(List.of("committed0", "committed1", "committed2"),
                values(Clients.readAll(bootstrap, topic, 3, READ_COMMITTED)));
        List<String> all = values(Clients.readAll(bootstrap, topic, 8, Map.of(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted")));
        assertEquals(8, all.size());
        assertEquals("aborted0", all.get(0));
        try (KafkaConsumer<String, String> c = Clients.consumer(bootstrap, group, Map.of())) {
            assertEquals(null, c.committed(Set.of(tp)).get(tp));
        }
    }

    /**
     * A second producer with the same transactional.id fences the first: the first's commit
     * fails as fenced and its open transaction is aborted.
     */
    @Test
    void secondInstanceFencesTheFirst() throws Exception {
        String topic = Names.unique("fence");
        String id = Names.unique("fence");
        Clients.createTopic(bootstrap, topic, 1);
        KafkaProducer<String, String> first = transactional(id);
        try {
            first.beginTransaction();
            first.send(new ProducerRecord<>(topic, "zombie")).get();
            try (KafkaProducer<String, String> second = transactional(id)) {
                second.beginTransaction();
                second.send(new ProducerRecord<>(topic, "fresh"));
                second.commitTransaction();
            }
            KafkaException e = assertThrows(KafkaException.class, first::commitTransaction);
            assertTrue(e instanceof ProducerFencedException
                    || e instanceof InvalidProducerEpochException
                    || e.getCause() instanceof ProducerFencedException, e.toString());
        } finally {
            first.close(Duration.ZERO);
        }
        assertEquals(List.of("fresh"), values(Clients.readAll(bootstrap, topic, 1, READ_COMMITTED)));
    }

    /**
     * read_committed stops at the first open transaction (the last stable offset): records
     * after it, even non-transactional ones, wait until it commits.
     */
    @Test
    void readCommittedWaitsForOpenTransactions() throws Exception {
        String topic = Names.unique("lso");
        Clients.createTopic(bootstrap, topic, 1);
        TopicPartition tp = new TopicPartition(topic, 0);
        try (KafkaProducer<String, String> plain = Clients.producer(bootstrap, Map.of());
                KafkaProducer<String, String> txn = transactional(Names.unique("lso"));
                KafkaConsumer<String, String> c =
                        Clients.consumer(bootstrap, null, READ_COMMITTED)) {
            plain.send(new ProducerRecord<>(topic, "before")).get();
            txn.beginTransaction();
            txn.send(new ProducerRecord<>(topic, "in-txn")).get();
            plain.send(new ProducerRecord<>(topic, "after")).get();
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            List<ConsumerRecord<String, String>> early =
                    Clients.pollUntil(c, 3, Duration.ofSeconds(3));
            assertEquals(List.of("before"), values(early));
            assertEquals(1, c.endOffsets(List.of(tp)).get(tp), "end offset is the LSO");
            txn.commitTransaction();
            assertEquals(List.of("in-txn", "after"),
                    values(Clients.pollUntil(c, 2, Duration.ofSeconds(20))));
        }
    }
}
