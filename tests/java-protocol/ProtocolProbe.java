// Drives a Strom broker with the Kafka 4.3 Java client through the APIs whose newest versions
// Strom serves: DescribeCluster (v2), Metadata (v13), a KIP-848 consumer (group.protocol=
// consumer) subscribed by a broker-side regular expression (ConsumerGroupHeartbeat v1),
// commits and fetches of offsets by topic id (OffsetCommit/OffsetFetch v10) and ListOffsets.
// Prints one "key value" line per fact for tests/test_java_protocol.py to check; exits
// non-zero when something fails.
//
// Usage: java -cp <kafka-clients classpath> ProtocolProbe.java <bootstrap> <suffix>

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.SubscriptionPattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

public class ProtocolProbe {
    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String suffix = args[1];
        String eu = "orders-eu-" + suffix;
        String us = "orders-us-" + suffix;
        String payments = "payments-" + suffix;
        String group = "probe-" + suffix;

        Properties common = new Properties();
        common.put("bootstrap.servers", bootstrap);

        try (Admin admin = Admin.create(common)) {
            DescribeClusterResult cluster = admin.describeCluster();
            System.out.println("cluster_id " + cluster.clusterId().get());
            System.out.println("cluster_nodes " + cluster.nodes().get().size());
            admin.createTopics(List.of(
                new NewTopic(eu, 2, (short) 1),
                new NewTopic(us, 2, (short) 1),
                new NewTopic(payments, 1, (short) 1))).all().get();
        }

        Properties p = new Properties();
        p.putAll(common);
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (int i = 0; i < 10; i++) {
                for (String topic : List.of(eu, us, payments)) {
                    producer.send(new ProducerRecord<>(topic, "k" + i, topic + "-" + i)).get();
                }
            }
        }

        Properties c = new Properties();
        c.putAll(common);
        c.put("group.id", group);
        c.put("group.protocol", "consumer");
        c.put("auto.offset.reset", "earliest");
        c.put("enable.auto.commit", "false");
        c.put("key.deserializer", StringDeserializer.class.getName());
        c.put("value.deserializer", StringDeserializer.class.getName());
        Map<String, Integer> perTopic = new TreeMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c)) {
            consumer.subscribe(new SubscriptionPattern("orders-.*-" + suffix));
            long deadline = System.currentTimeMillis() + 60_000;
            int total = 0;
            while (total < 20 && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    perTopic.merge(r.topic(), 1, Integer::sum);
                    total++;
                }
            }
            for (Map.Entry<String, Integer> e : perTopic.entrySet()) {
                System.out.println("consumed " + e.getKey().replace("-" + suffix, "") + " " + e.getValue());
            }
            System.out.println("assignment " + new TreeSet<>(
                consumer.assignment().stream().map(TopicPartition::toString).toList()));
            consumer.commitSync();
            Set<TopicPartition> parts = consumer.assignment();
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(parts);
            long sum = 0;
            for (OffsetAndMetadata om : committed.values()) {
                sum += om == null ? 0 : om.offset();
            }
            System.out.println("committed_sum " + sum);
        }

        try (Admin admin = Admin.create(common)) {
            Map<TopicPartition, OffsetAndMetadata> byAdmin =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            long sum = 0;
            for (OffsetAndMetadata om : byAdmin.values()) {
                sum += om.offset();
            }
            System.out.println("admin_committed_sum " + sum);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            latest.put(new TopicPartition(eu, 0), OffsetSpec.latest());
            latest.put(new TopicPartition(eu, 1), OffsetSpec.latest());
            long end = 0;
            for (var info : admin.listOffsets(latest).all().get().values()) {
                end += info.offset();
            }
            System.out.println("latest_sum " + end);
            var described = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
            System.out.println("group_type " + described.type());
        }
        transactions(common, p, payments, group);
    }

    /**
     * Transaction version 2, as the 4.3 client speaks it once the broker finalizes
     * transaction.version 2: partitions are added by Produce v12+ and offsets by
     * TxnOffsetCommit v5 (no AddPartitionsToTxn or AddOffsetsToTxn from the client), and
     * EndTxn v5 bumps the epoch. A committed transaction (3 records and an offset) and an
     * aborted one (2 records) leave 3 records for read_committed and the offset committed.
     */
    static void transactions(Properties common, Properties producerProps, String payments,
            String group) throws Exception {
        String txnTopic = "txn-" + payments;
        String txnGroup = "txn-" + group;
        try (Admin admin = Admin.create(common)) {
            admin.createTopics(List.of(new NewTopic(txnTopic, 1, (short) 1))).all().get();
        }
        Properties t = new Properties();
        t.putAll(producerProps);
        t.put("transactional.id", "probe-" + txnTopic);
        try (KafkaProducer<String, String> tx = new KafkaProducer<>(t)) {
            tx.initTransactions();
            tx.beginTransaction();
            for (int i = 0; i < 3; i++) {
                tx.send(new ProducerRecord<>(txnTopic, "committed-" + i));
            }
            tx.sendOffsetsToTransaction(
                Map.of(new TopicPartition(payments, 0), new OffsetAndMetadata(7)),
                new org.apache.kafka.clients.consumer.ConsumerGroupMetadata(txnGroup));
            tx.commitTransaction();
            tx.beginTransaction();
            for (int i = 0; i < 2; i++) {
                tx.send(new ProducerRecord<>(txnTopic, "aborted-" + i));
            }
            tx.flush();
            tx.abortTransaction();
        }
        Properties c = new Properties();
        c.putAll(common);
        c.put("group.id", "reader-" + txnGroup);
        c.put("auto.offset.reset", "earliest");
        c.put("isolation.level", "read_committed");
        c.put("key.deserializer", StringDeserializer.class.getName());
        c.put("value.deserializer", StringDeserializer.class.getName());
        List<String> read = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c)) {
            consumer.assign(List.of(new TopicPartition(txnTopic, 0)));
            long deadline = System.currentTimeMillis() + 10_000;
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    read.add(r.value());
                }
            }
        }
        System.out.println("txn_read " + read);
        try (Admin admin = Admin.create(common)) {
            var offsets = admin.listConsumerGroupOffsets(txnGroup).partitionsToOffsetAndMetadata()
                .get();
            System.out.println("txn_offset " + offsets.get(new TopicPartition(payments, 0)).offset());
        }
    }
}
