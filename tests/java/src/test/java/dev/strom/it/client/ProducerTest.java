package dev.strom.it.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.strom.it.support.Clients;
import dev.strom.it.support.Names;
import dev.strom.it.support.StromBroker;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The Java producer against Strom: codecs, idempotence, acks, headers, sizes, partitioners. */
class ProducerTest {
    private final String bootstrap = StromBroker.shared().bootstrap();

    /** Records sent with each codec, idempotent or not, read back intact and in order. */
    @ParameterizedTest(name = "{0} idempotent={1}")
    @CsvSource({
        "none,true", "none,false", "gzip,true", "gzip,false", "snappy,true", "snappy,false",
        "lz4,true", "lz4,false", "zstd,true", "zstd,false"
    })
    void everyCodecRoundTripsRecordsAndHeaders(String codec, boolean idempotent) throws Exception {
        String topic = Names.unique("codec-" + codec);
        Clients.createTopic(bootstrap, topic, 1);
        int n = 500;
        try (KafkaProducer<String, String> p = Clients.producer(bootstrap, Map.of(
                ProducerConfig.COMPRESSION_TYPE_CONFIG, codec,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, idempotent,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5))) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ProducerRecord<String, String> r = new ProducerRecord<>(
                        topic, "k" + i, "value-" + i + "-" + "x".repeat(i % 50));
                r.headers().add("index", Integer.toString(i).getBytes(StandardCharsets.UTF_8));
                r.headers().add("empty", new byte[0]);
                sent.add(p.send(r));
            }
            for (int i = 0; i < n; i++) {
                assertEquals(i, sent.get(i).get(30, TimeUnit.SECONDS).offset());
            }
        }
        List<ConsumerRecord<String, String>> got = Clients.readAll(bootstrap, topic, n, Map.of());
        assertEquals(n, got.size());
        for (int i = 0; i < n; i++) {
            ConsumerRecord<String, String> r = got.get(i);
            assertEquals(i, r.offset());
            assertEquals("k" + i, r.key());
            assertEquals("value-" + i + "-" + "x".repeat(i % 50), r.value());
            Header[] hs = r.headers().toArray();
            assertEquals(2, hs.length);
            assertEquals(new RecordHeader("index", Integer.toString(i).getBytes()), hs[0]);
            assertArrayEquals(new byte[0], hs[1].value());
        }
    }

    /** Every acks setting delivers every record; acks=0 reports no offsets, the others do. */
    @ParameterizedTest(name = "acks={0}")
    @ValueSource(strings = {"0", "1", "all"})
    void everyAcksSettingDelivers(String acks) throws Exception {
        String topic = Names.unique("acks");
        Clients.createTopic(bootstrap, topic, 3);
        int n = 300;
        try (KafkaProducer<String, String> p = Clients.producer(bootstrap, Map.of(
                ProducerConfig.ACKS_CONFIG, acks,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, acks.equals("all")))) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                sent.add(p.send(new ProducerRecord<>(topic, i % 3, null, "v" + i)));
            }
            p.flush();
            for (Future<RecordMetadata> f : sent) {
                long offset = f.get(30, TimeUnit.SECONDS).offset();
                if (acks.equals("0")) {
                    assertEquals(-1, offset, "acks=0 has no broker reply to take an offset from");
                } else {
                    assertEquals(true, offset >= 0);
                }
            }
        }
        assertEquals(n, Clients.readAll(bootstrap, topic, n, Map.of()).size());
    }

    /** A record near the 1 MiB default limit is stored; one over the topic limit is refused. */
    @Test
    void largeRecordsUpToTheLimitAndRefusedBeyond() throws Exception {
        String topic = Names.unique("large");
        Clients.createTopic(bootstrap, topic, 1, Map.of("max.message.bytes", "2000000"));
        String big = "b".repeat(1_500_000);
        String tooBig = "t".repeat(2_500_000);
        try (KafkaProducer<String, String> p = Clients.producer(bootstrap, Map.of(
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4_000_000,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "none"))) {
            assertEquals(0, p.send(new ProducerRecord<>(topic, big)).get().offset());
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> p.send(new ProducerRecord<>(topic, tooBig)).get(30, TimeUnit.SECONDS));
            // The broker's MESSAGE_TOO_LARGE, not the client's own size check.
            assertInstanceOf(RecordTooLargeException.class, e.getCause());
        }
        List<ConsumerRecord<String, String>> got = Clients.readAll(bootstrap, topic, 1, Map.of(
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 1_048_576));
        assertEquals(1, got.size());
        assertEquals(big, got.get(0).value());
    }

    /** A producer's own Partitioner decides where each record lands. */
    @Test
    void customPartitionerPlacesRecords() throws Exception {
        String topic = Names.unique("partitioner");
        Clients.createTopic(bootstrap, topic, 4);
        try (KafkaProducer<String, String> p = Clients.producer(bootstrap, Map.of(
                ProducerConfig.PARTITIONER_CLASS_CONFIG, LastDigitPartitioner.class.getName()))) {
            for (int i = 0; i < 40; i++) {
                RecordMetadata m = p.send(new ProducerRecord<>(topic, "key" + i, "v" + i)).get();
                assertEquals(i % 10 % 4, m.partition());
            }
        }
        for (ConsumerRecord<String, String> r : Clients.readAll(bootstrap, topic, 40, Map.of())) {
            assertEquals(LastDigitPartitioner.partitionOf(r.key(), 4), r.partition());
        }
    }

    /** An idempotent producer with five requests in flight keeps each partition's order. */
    @Test
    void idempotentProducerKeepsOrderAcrossManyInFlightBatches() throws Exception {
        String topic = Names.unique("order");
        Clients.createTopic(bootstrap, topic, 2);
        int n = 20_000;
        try (KafkaProducer<String, String> p = Clients.producer(bootstrap, Map.of(
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 1024,
                ProducerConfig.LINGER_MS_CONFIG, 0))) {
            for (int i = 0; i < n; i++) {
                p.send(new ProducerRecord<>(topic, i % 2, null, Integer.toString(i)));
            }
            p.flush();
        }
        List<ConsumerRecord<String, String>> got = Clients.readAll(bootstrap, topic, n, Map.of());
        assertEquals(n, got.size());
        int[] last = {-1, -1};
        for (ConsumerRecord<String, String> r : got) {
            int v = Integer.parseInt(r.value());
            assertEquals(r.partition(), v % 2);
            assertEquals(true, v > last[r.partition()], "out of order: " + v);
            last[r.partition()] = v;
        }
        assertEquals(Arrays.toString(new int[] {n - 2, n - 1}), Arrays.toString(last));
    }

    /** Sends a key ending in digit d to partition d mod the partition count. */
    public static final class LastDigitPartitioner implements Partitioner {
        static int partitionOf(String key, int partitions) {
            return Character.digit(key.charAt(key.length() - 1), 10) % partitions;
        }

        @Override
        public int partition(String topic, Object key, byte[] keyBytes, Object value,
                byte[] valueBytes, Cluster cluster) {
            return partitionOf((String) key, cluster.partitionCountForTopic(topic));
        }

        @Override
        public void close() {}

        @Override
        public void configure(Map<String, ?> configs) {}
    }
}
