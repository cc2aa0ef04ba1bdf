package dev.strom.it.ecosystem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strom.it.support.Clients;
import dev.strom.it.support.Names;
import dev.strom.it.support.StromBroker;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.SubscriptionPattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * KIP-848's broker-side regular expression subscription (SubscriptionPattern, sent as
 * ConsumerGroupHeartbeat's SubscribedTopicRegex): the coordinator resolves the pattern
 * against the topics it knows and assigns every match. This is a 4.x client API, so the test
 * lives outside the client tests that also run with the 3.9 client.
 */
class BrokerRegexSubscriptionTest {
    private final String bootstrap = StromBroker.shared().bootstrap();

    @Test
    void patternSubscriptionConsumesEveryMatchingTopic() throws Exception {
        String prefix = Names.unique("regex");
        Set<String> topics = Set.of(prefix + "-a", prefix + "-b");
        try (KafkaProducer<String, String> p = Clients.producer(bootstrap, Map.of())) {
            for (String t : topics) {
                Clients.createTopic(bootstrap, t, 1);
                p.send(new ProducerRecord<>(t, t)).get();
            }
        }
        Set<String> seen = new HashSet<>();
        try (KafkaConsumer<String, String> c = Clients.consumer(bootstrap, prefix, Map.of(
                ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer"))) {
            c.subscribe(new SubscriptionPattern(prefix + "-.*"));
            Clients.pollUntil(c, 2, Duration.ofSeconds(30)).forEach(r -> seen.add(r.topic()));
        }
        assertEquals(topics, seen);
    }
}
