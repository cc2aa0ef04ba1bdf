// KafkaJS against Strom: a producer with headers and gzip, two consumers sharing a group's
// partitions, and the admin client's topic, offset, group and config calls.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import kafkajs from 'kafkajs';

const { Kafka, CompressionTypes, logLevel } = kafkajs;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = process.env.STROM_BIN || join(root, 'target', 'debug', 'strom');
let broker;
let dataDir;
let kafka;

// Starts strom on an ephemeral port and reads its address from "strom listening on H:P".
before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'strom-kafkajs-'));
  broker = spawn(bin, ['server', '--data-dir', join(dataDir, 'data'), '--listen', '127.0.0.1:0'], {
    env: { ...process.env, STROM_GROUP_INITIAL_REBALANCE_DELAY_MS: '0' },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const address = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error('strom did not start in 30 s')), 30000);
    createInterface({ input: broker.stdout }).on('line', (line) => {
      const m = /strom listening on ([\d.]+:\d+)/.exec(line);
      if (m) { clearTimeout(timer); ok(m[1]); }
    });
    broker.on('exit', (code) => fail(new Error(`strom exited with ${code}`)));
  });
  kafka = new Kafka({ clientId: 'kafkajs-test', brokers: [address], logLevel: logLevel.NOTHING });
});

// Stops strom and waits (at most 30 s) for it to exit before removing its data: a broker
// shutting down still writes its checkpoints and snapshots there.
after(async () => {
  if (broker && broker.exitCode === null && broker.signalCode === null) {
    const exited = new Promise((ok) => broker.once('exit', ok));
    broker.kill('SIGTERM');
    await Promise.race([exited, new Promise((ok) => setTimeout(ok, 30000).unref())]);
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
});

test('a producer writes keyed gzip batches with headers that a consumer reads back in order', async () => {
  const topic = 'kjs-produce';
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
  await admin.disconnect();
  const producer = kafka.producer({ idempotent: true });
  await producer.connect();
  for (const compression of [CompressionTypes.None, CompressionTypes.GZIP]) {
    const res = await producer.send({
      topic, acks: -1, compression,
      messages: Array.from({ length: 50 }, (_, i) => ({
        key: `k${i}`, value: `v${compression}-${i}`, headers: { index: String(i) },
      })),
    });
    assert.equal(res[0].errorCode, 0);
  }
  await producer.disconnect();

  const consumer = kafka.consumer({ groupId: 'kjs-reader' });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const seen = [];
  await new Promise((done) => {
    consumer.run({
      eachMessage: async ({ message }) => {
        seen.push(message);
        if (seen.length === 100) done();
      },
    });
  });
  await consumer.disconnect();
  assert.equal(seen.length, 100);
  seen.forEach((m, i) => {
    assert.equal(m.offset, String(i));
    assert.equal(m.key.toString(), `k${i % 50}`);
    assert.equal(m.headers.index.toString(), String(i % 50));
  });
  assert.equal(seen[99].value.toString(), `v${CompressionTypes.GZIP}-49`);
});

test('two consumers in a group split the partitions and together read every record', async () => {
  const topic = 'kjs-group';
  const groupId = 'kjs-group';
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 4 }], waitForLeaders: true });
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({
    topic, messages: Array.from({ length: 200 }, (_, i) => ({ value: String(i), partition: i % 4 })),
  });
  await producer.disconnect();

  const seen = new Set();
  const partitionsOf = [new Set(), new Set()];
  const consumers = [kafka.consumer({ groupId }), kafka.consumer({ groupId })];
  const finished = new Promise((done) => {
    consumers.forEach((c, n) => c.connect()
      .then(() => c.subscribe({ topic, fromBeginning: true }))
      .then(() => c.run({
        eachMessage: async ({ partition, message }) => {
          partitionsOf[n].add(partition);
          seen.add(message.value.toString());
          if (seen.size === 200) done();
        },
      })));
  });
  const timeout = new Promise((_, fail) => setTimeout(() => fail(new Error(`read ${seen.size} of 200`)), 60000).unref());
  await Promise.race([finished, timeout]);
  // Offsets are committed as the consumers go; wait for them to land, then stop.
  let committed = 0;
  for (let i = 0; i < 50 && committed !== 200; i++) {
    await new Promise((r) => setTimeout(r, 200));
    const offsets = await admin.fetchOffsets({ groupId, topics: [topic] });
    committed = offsets[0].partitions.reduce((sum, p) => sum + Number(p.offset), 0);
  }
  // The first consumer may have read everything before the second joined: the group is
  // then rebalancing for a moment (as Kafka's would be), so wait for it to settle.
  let described;
  try {
    for (let i = 0; i < 75; i++) {
      described = await admin.describeGroups([groupId]);
      if (described.groups[0].state === 'Stable') break;
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    await Promise.all(consumers.map((c) => c.disconnect()));
    await admin.disconnect();
  }
  assert.equal(seen.size, 200);
  assert.equal(committed, 200);
  assert.equal(described.groups[0].state, 'Stable');
  assert.ok(described.groups[0].members.length >= 1);
});

test('the admin client lists, describes, configures and deletes topics and groups', async () => {
  const admin = kafka.admin();
  await admin.connect();
  const topic = 'kjs-admin';
  assert.equal(await admin.createTopics({
    topics: [{ topic, numPartitions: 2, configEntries: [{ name: 'retention.ms', value: '3600000' }] }],
    waitForLeaders: true,
  }), true);
  assert.equal(await admin.createTopics({ topics: [{ topic, numPartitions: 2 }] }), false);
  assert.ok((await admin.listTopics()).includes(topic));
  const meta = await admin.fetchTopicMetadata({ topics: [topic] });
  assert.equal(meta.topics[0].partitions.length, 2);
  await admin.createPartitions({ topicPartitions: [{ topic, count: 3 }] });
  const offsets = await admin.fetchTopicOffsets(topic);
  assert.equal(offsets.length, 3);
  const configs = await admin.describeConfigs({
    resources: [{ type: 2, name: topic, configNames: ['retention.ms', 'cleanup.policy'] }],
  });
  const entries = Object.fromEntries(configs.resources[0].configEntries.map((e) => [e.configName, e.configValue]));
  assert.deepEqual(entries, { 'retention.ms': '3600000', 'cleanup.policy': 'delete' });
  await admin.alterConfigs({
    resources: [{ type: 2, name: topic, configEntries: [{ name: 'retention.ms', value: '1000' }] }],
  });
  const after = await admin.describeConfigs({ resources: [{ type: 2, name: topic, configNames: ['retention.ms'] }] });
  assert.equal(after.resources[0].configEntries[0].configValue, '1000');
  const groups = (await admin.listGroups()).groups.map((g) => g.groupId);
  assert.ok(groups.includes('kjs-reader'), groups.join(','));
  await admin.deleteGroups(['kjs-reader']);
  assert.ok(!(await admin.listGroups()).groups.some((g) => g.groupId === 'kjs-reader'));
  await admin.deleteTopics({ topics: [topic] });
  assert.ok(!(await admin.listTopics()).includes(topic));
  await admin.disconnect();
});
