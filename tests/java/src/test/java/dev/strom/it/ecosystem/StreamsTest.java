package dev.strom.it.ecosystem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strom.it.support.Clients;
import dev.strom.it.support.JavaProcess;
import dev.strom.it.support.Names;
import dev.strom.it.support.StromBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka Streams word count with exactly_once_v2 against Strom: a repartition topic (the
 * words are re-keyed), a changelog topic for the counts, transactions around every commit,
 * and a restart on an empty state directory that restores the counts from the changelog.
 */
class StreamsTest {
    private final String bootstrap = StromBroker.shared().bootstrap();

    @TempDir
    Path stateDir;

    private KafkaStreams start(String appId, String in, String out, Path state) {
        StreamsBuilder b = new StreamsBuilder();
        b.stream(in, org.apache.kafka.streams.kstream.Consumed.with(Serdes.String(),
                        Serdes.String()))
                .flatMapValues(v -> Arrays.asList(v.toLowerCase().split("\\W+")))
                .groupBy((k, word) -> word, Grouped.with("words", Serdes.String(),
                        Serdes.String()))
                .count(Materialized.as("counts"))
                .toStream()
                .to(out, Produced.with(Serdes.String(), Serdes.Long()));
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, appId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200);
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        KafkaStreams s = new KafkaStreams(b.build(), p);
        s.start();
        return s;
    }

    /** Closes leaving the group, so that the restarted instance need not wait out a session. */
    private static void close(KafkaStreams s) {
        s.close(CloseOptions.timeout(Duration.ofSeconds(30)).withGroupMembershipOperation(
                CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    }

    private void produce(String topic, List<String> lines) throws Exception {
        try (KafkaProducer<String, String> p = Clients.producer(bootstrap, Map.of())) {
            for (String l : lines) {
                p.send(new ProducerRecord<>(topic, l));
            }
        }
    }

    /** The latest count per word in the output, as a read_committed consumer sees it. */
    private static void drain(KafkaConsumer<String, Long> c, Map<String, Long> counts) {
        c.poll(Clients.POLL).forEach(r -> counts.put(r.key(), r.value()));
    }

    @Test
    void wordCountExactlyOnceSurvivesRestartWithRestore() throws Exception {
        String app = Names.unique("wordcount");
        String in = app + "-in";
        String out = app + "-out";
        Clients.createTopic(bootstrap, in, 2);
        Clients.createTopic(bootstrap, out, 2);
        List<String> first = List.of("the quick brown fox", "jumps over the lazy dog",
                "The dog barks", "the end");
        produce(in, first);
        Properties cp = Clients.consumerProps(bootstrap, app + "-reader", Map.of(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
        cp.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, LongDeserializer.class.getName());
        cp.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Map<String, Long> counts = new ConcurrentHashMap<>();
        try (KafkaConsumer<String, Long> c = new KafkaConsumer<>(cp)) {
            c.subscribe(List.of(out));
            try (KafkaStreams s = start(app, in, out, stateDir.resolve("a"))) {
                boolean done = JavaProcess.await(90, () -> {
                    drain(c, counts);
                    return Long.valueOf(4).equals(counts.get("the"))
                            && Long.valueOf(2).equals(counts.get("dog"))
                            && counts.containsKey("end");
                });
                assertTrue(done, "counts after the first batch: " + counts + " state "
                        + s.state());
                close(s);
            }
            assertEquals(Map.of("the", 4L, "quick", 1L, "brown", 1L, "fox", 1L, "jumps", 1L,
                    "over", 1L, "lazy", 1L, "dog", 2L, "barks", 1L, "end", 1L),
                    new HashMap<>(counts));

            // A fresh state directory: the counts come back from the changelog topic.
            produce(in, List.of("the dog returns", "quick quick"));
            try (KafkaStreams s = start(app, in, out, stateDir.resolve("b"))) {
                boolean done = JavaProcess.await(90, () -> {
                    drain(c, counts);
                    return Long.valueOf(5).equals(counts.get("the"))
                            && Long.valueOf(3).equals(counts.get("quick"))
                            && counts.containsKey("returns");
                });
                assertTrue(done, "counts after the restart: " + counts + " state " + s.state());
                close(s);
            }
            assertEquals(3L, counts.get("dog"));
            assertEquals(1L, counts.get("returns"));
            assertEquals(1L, counts.get("fox"));
        }
        try (Admin admin = Clients.admin(bootstrap)) {
            Set<String> topics = admin.listTopics().names().get().stream()
                    .filter(t -> t.startsWith(app)).collect(Collectors.toSet());
            assertTrue(topics.contains(app + "-words-repartition"), topics.toString());
            assertTrue(topics.contains(app + "-counts-changelog"), topics.toString());
        }
    }
}
