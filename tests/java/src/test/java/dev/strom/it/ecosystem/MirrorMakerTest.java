package dev.strom.it.ecosystem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strom.it.support.Clients;
import dev.strom.it.support.JavaProcess;
import dev.strom.it.support.KafkaPeer;
import dev.strom.it.support.Names;
import dev.strom.it.support.StromBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MirrorMaker 2 (dedicated mode) copies a topic's records and configs and a consumer group's
 * committed offsets from one cluster to another: Strom to Strom, Apache Kafka to Strom, and
 * Strom to Apache Kafka.
 */
class MirrorMakerTest {
    private static StromBroker second;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSecondBroker() {
        second = StromBroker.start(Map.of());
    }

    @AfterAll
    static void stopSecondBroker() {
        second.close();
    }

    @Test
    void stromToStrom() throws Exception {
        mirror(StromBroker.shared().bootstrap(), second.bootstrap());
    }

    @Test
    void kafkaToStrom() throws Exception {
        mirror(KafkaPeer.shared().bootstrap(), StromBroker.shared().bootstrap());
    }

    @Test
    void stromToKafka() throws Exception {
        mirror(StromBroker.shared().bootstrap(), KafkaPeer.shared().bootstrap());
    }

    private void mirror(String source, String target) throws Exception {
        String topic = Names.unique("mm2");
        String group = Names.unique("mm2-group");
        String remote = "src." + topic;
        Clients.createTopic(source, topic, 2, Map.of("retention.ms", "7200000"));
        try (KafkaProducer<String, String> p = Clients.producer(source, Map.of())) {
            for (int i = 0; i < 40; i++) {
                p.send(new ProducerRecord<>(topic, i % 2, "k" + i, "v" + i));
            }
        }
        try (KafkaConsumer<String, String> c = Clients.consumer(source, group, Map.of())) {
            c.subscribe(List.of(topic));
            assertEquals(40, Clients.pollUntil(c, 40, java.time.Duration.ofSeconds(45)).size());
            c.commitSync();
        }
        Path props = dir.resolve("mm2.properties");
        Files.writeString(props, String.join("\n",
                "clusters=src,dst",
                "src.bootstrap.servers=" + source,
                "dst.bootstrap.servers=" + target,
                "src->dst.enabled=true",
                "dst->src.enabled=false",
                "src->dst.topics=" + topic,
                "src->dst.groups=" + group,
                "replication.factor=1",
                "checkpoints.topic.replication.factor=1",
                "heartbeats.topic.replication.factor=1",
                "offset-syncs.topic.replication.factor=1",
                "offset.storage.replication.factor=1",
                "status.storage.replication.factor=1",
                "config.storage.replication.factor=1",
                "refresh.topics.interval.seconds=1",
                "refresh.groups.interval.seconds=1",
                "emit.checkpoints.interval.seconds=1",
                "sync.group.offsets.enabled=true",
                "sync.group.offsets.interval.seconds=1",
                "sync.topic.configs.interval.seconds=1",
                "offset.lag.max=0"));
        TopicPartition remote0 = new TopicPartition(remote, 0);
        TopicPartition remote1 = new TopicPartition(remote, 1);
        try (JavaProcess mm = JavaProcess.start(dir.resolve("mm2.log"),
                "org.apache.kafka.connect.mirror.MirrorMaker", props.toString());
                Admin dst = Clients.admin(target)) {
            boolean copied = JavaProcess.await(120, () -> {
                if (!dst.listTopics().names().get().contains(remote)) {
                    return false;
                }
                var end = dst.listOffsets(Map.of(
                        remote0, org.apache.kafka.clients.admin.OffsetSpec.latest(),
                        remote1, org.apache.kafka.clients.admin.OffsetSpec.latest()))
                        .all().get();
                return end.get(remote0).offset() + end.get(remote1).offset() == 40;
            });
            assertTrue(copied, "records reached " + remote + "\n" + mm.tail());
            boolean synced = JavaProcess.await(120, () -> {
                Map<TopicPartition, OffsetAndMetadata> o = dst.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                return o.containsKey(remote0) && o.containsKey(remote1)
                        && o.get(remote0).offset() == 20 && o.get(remote1).offset() == 20;
            });
            assertTrue(synced, "group offsets on the target: " + dst.listConsumerGroupOffsets(
                    group).partitionsToOffsetAndMetadata().get() + "\n" + mm.tail());
            ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, remote);
            ConfigEntry retention = dst.describeConfigs(List.of(r)).all().get().get(r)
                    .get("retention.ms");
            assertEquals("7200000", retention.value());
        }
        List<String> values = Clients.readAll(target, remote, 40, Map.of()).stream()
                .map(rec -> rec.value()).sorted().toList();
        assertEquals(40, values.size());
        assertTrue(values.contains("v0") && values.contains("v39"));
    }
}
