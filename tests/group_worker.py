"""A consumer-group member in its own process, so tests can kill it with SIGKILL.

    python group_worker.py LIB BOOTSTRAP TOPIC GROUP OUT [--assignor NAME] [--protocol P]
                           [--instance-id ID] [--session-ms N]

LIB is `confluent` (librdkafka), `kafka-python` or `aiokafka`. Every record consumed is
appended to OUT as `partition offset value` and flushed *before* its offset may be committed
(at-least-once: a kill can repeat records, never skip them). Rebalance events are appended as
`# assigned p,p,...` / `# revoked p,p,...` lines. SIGTERM closes the consumer cleanly (it
leaves the group and commits); SIGKILL leaves the broker to notice the missed session.
"""

import argparse
import asyncio
import signal
import sys

stopping = False


def on_term(*_):
    global stopping
    stopping = True


def write(out, partition, offset, value):
    out.write(f"{partition} {offset} {value.decode()}\n")
    out.flush()


def event(out, what, partitions):
    out.write(f"# {what} {','.join(str(p) for p in sorted(partitions))}\n")
    out.flush()


def run_confluent(args, out):
    from confluent_kafka import Consumer

    conf = {
        "bootstrap.servers": args.bootstrap,
        "group.id": args.group,
        "auto.offset.reset": "earliest",
        "enable.auto.commit": True,
        "auto.commit.interval.ms": 300,
        # Offsets are stored only after the record is written out: at-least-once.
        "enable.auto.offset.store": False,
    }
    if args.protocol == "consumer":
        conf["group.protocol"] = "consumer"
    else:
        conf["session.timeout.ms"] = args.session_ms
        conf["heartbeat.interval.ms"] = 500
        conf["partition.assignment.strategy"] = args.assignor
    if args.instance_id:
        conf["group.instance.id"] = args.instance_id
    consumer = Consumer(conf)

    def assigned(c, parts):
        event(out, "assigned", [p.partition for p in parts])

    def revoked(c, parts):
        event(out, "revoked", [p.partition for p in parts])

    consumer.subscribe([args.topic], on_assign=assigned, on_revoke=revoked)
    while not stopping:
        msg = consumer.poll(0.2)
        if msg is None or msg.error():
            continue
        write(out, msg.partition(), msg.offset(), msg.value())
        consumer.store_offsets(message=msg)
    consumer.close()


def run_kafka_python(args, out):
    from kafka import KafkaConsumer
    from kafka.consumer.subscription_state import ConsumerRebalanceListener
    from kafka.coordinator.assignors.range import RangePartitionAssignor
    from kafka.coordinator.assignors.roundrobin import RoundRobinPartitionAssignor
    from kafka.errors import CommitFailedError, KafkaError

    assignors = {"range": RangePartitionAssignor, "roundrobin": RoundRobinPartitionAssignor}
    kwargs = {}
    if args.instance_id:
        kwargs["group_instance_id"] = args.instance_id
    consumer = KafkaConsumer(
        bootstrap_servers=args.bootstrap, group_id=args.group,
        auto_offset_reset="earliest", enable_auto_commit=False,
        session_timeout_ms=args.session_ms, heartbeat_interval_ms=500,
        partition_assignment_strategy=[assignors[args.assignor]], **kwargs)

    class Listener(ConsumerRebalanceListener):
        def on_partitions_assigned(self, assigned):
            event(out, "assigned", [p.partition for p in assigned])

        def on_partitions_revoked(self, revoked):
            event(out, "revoked", [p.partition for p in revoked])

    consumer.subscribe([args.topic], listener=Listener())
    while not stopping:
        batches = consumer.poll(timeout_ms=200)
        for records in batches.values():
            for r in records:
                write(out, r.partition, r.offset, r.value)
        if batches:
            try:
                consumer.commit()
            except (CommitFailedError, KafkaError):
                pass  # a rebalance took the partitions; their records come again
    consumer.close()


def run_aiokafka(args, out):
    from aiokafka import AIOKafkaConsumer, ConsumerRebalanceListener
    from aiokafka.errors import CommitFailedError, KafkaError
    from kafka.coordinator.assignors.range import RangePartitionAssignor
    from kafka.coordinator.assignors.roundrobin import RoundRobinPartitionAssignor

    assignors = {"range": RangePartitionAssignor, "roundrobin": RoundRobinPartitionAssignor}
    try:
        from aiokafka.coordinator.assignors.range import RangePartitionAssignor as ARange
        from aiokafka.coordinator.assignors.roundrobin import (
            RoundRobinPartitionAssignor as ARoundRobin,
        )
        assignors = {"range": ARange, "roundrobin": ARoundRobin}
    except ImportError:
        pass

    class Listener(ConsumerRebalanceListener):
        def on_partitions_assigned(self, assigned):
            event(out, "assigned", [p.partition for p in assigned])

        def on_partitions_revoked(self, revoked):
            event(out, "revoked", [p.partition for p in revoked])

    async def main():
        consumer = AIOKafkaConsumer(
            bootstrap_servers=args.bootstrap, group_id=args.group,
            auto_offset_reset="earliest", enable_auto_commit=False,
            session_timeout_ms=args.session_ms, heartbeat_interval_ms=500,
            partition_assignment_strategy=[assignors[args.assignor]])
        await consumer.start()
        consumer.subscribe([args.topic], listener=Listener())
        while not stopping:
            batches = await consumer.getmany(timeout_ms=200)
            for records in batches.values():
                for r in records:
                    write(out, r.partition, r.offset, r.value)
            if batches:
                try:
                    await consumer.commit()
                except (CommitFailedError, KafkaError):
                    pass
        await consumer.stop()

    asyncio.run(main())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("lib", choices=["confluent", "kafka-python", "aiokafka"])
    parser.add_argument("bootstrap")
    parser.add_argument("topic")
    parser.add_argument("group")
    parser.add_argument("out")
    parser.add_argument("--assignor", default="range")
    parser.add_argument("--protocol", default="classic")
    parser.add_argument("--instance-id")
    parser.add_argument("--session-ms", type=int, default=6000)
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, on_term)
    with open(args.out, "a") as out:
        {"confluent": run_confluent, "kafka-python": run_kafka_python,
         "aiokafka": run_aiokafka}[args.lib](args, out)
    sys.exit(0)


if __name__ == "__main__":
    main()
