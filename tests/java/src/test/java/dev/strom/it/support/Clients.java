package dev.strom.it.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Java clients configured for a broker on loopback, with short timeouts so a hang fails fast. */
public final class Clients {
    public static final Duration POLL = Duration.ofMillis(200);

    private Clients() {}

    public static Properties producerProps(String bootstrap, Map<String, ?> extra) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30000);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15000);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30000);
        p.putAll(extra);
        return p;
    }

    public static KafkaProducer<String, String> producer(String bootstrap, Map<String, ?> extra) {
        return new KafkaProducer<>(producerProps(bootstrap, extra));
    }

    public static Properties consumerProps(String bootstrap, String group, Map<String, ?> extra) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30000);
        if (group != null) {
            p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        p.putAll(extra);
        return p;
    }

    public static KafkaConsumer<String, String> consumer(
            String bootstrap, String group, Map<String, ?> extra) {
        return new KafkaConsumer<>(consumerProps(bootstrap, group, extra));
    }

    public static Admin admin(String bootstrap) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30000);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15000);
        return Admin.create(p);
    }

    public static void createTopic(String bootstrap, String topic, int partitions) {
        createTopic(bootstrap, topic, partitions, Map.of());
    }

    public static void createTopic(
            String bootstrap, String topic, int partitions, Map<String, String> configs) {
        try (Admin admin = admin(bootstrap)) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1).configs(configs)))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("create " + topic, e);
        }
    }

    /** Polls until {@code count} records arrived or {@code timeout} passed; returns what came. */
    public static <K, V> List<ConsumerRecord<K, V>> pollUntil(
            KafkaConsumer<K, V> consumer, int count, Duration timeout) {
        List<ConsumerRecord<K, V>> out = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (out.size() < count && System.nanoTime() < deadline) {
            consumer.poll(POLL).forEach(out::add);
        }
        return out;
    }

    /** Reads every partition of {@code topic} from the start, without a group. */
    public static List<ConsumerRecord<String, String>> readAll(
            String bootstrap, String topic, int expected, Map<String, ?> extra) {
        try (KafkaConsumer<String, String> c = consumer(bootstrap, null, extra)) {
            List<TopicPartition> tps = new ArrayList<>();
            c.partitionsFor(topic).forEach(pi -> tps.add(new TopicPartition(topic, pi.partition())));
            c.assign(tps);
            c.seekToBeginning(tps);
            return pollUntil(c, expected, Duration.ofSeconds(30));
        }
    }

    /** Polls a group member until its assignment is non-empty (the group has formed). */
    public static Set<TopicPartition> awaitAssignment(
            KafkaConsumer<?, ?> consumer, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
            consumer.poll(POLL);
        }
        return consumer.assignment();
    }

    public static <T> List<T> flatten(Collection<? extends Collection<T>> lists) {
        List<T> out = new ArrayList<>();
        lists.forEach(out::addAll);
        return out;
    }
}
