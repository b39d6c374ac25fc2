// npm run bench:soak [-- --step 03] [--quick] [--no-build] [--phase a --phase b …] [--cpu-profile DIR]
// Soaks a stage's production server with what grows in real use, while an idle probe client, in a process of its
// own, times its acks:
//   (a) rooms: 10,000 public rooms (creators under their own limits, as a flood of accounts would be), then
//       50 clients browsing them page after page and searching;
//   (b) slow consumers: clients in general that stop reading while others talk there;
//   (c) a login flood: sign-ins from 250 addresses (X-Forwarded-For from loopback, with TRUSTED_PROXIES).
// For each: probe ack p50/p99, the server's CPU, its longest event-loop stall and GC pause (what of a slow ack is
// the server's own), its RSS and heap before, during and after. --phase runs only the phases named; --cpu-profile writes
// a CPU profile of the server per measured window. Everything runs on loopback, every loop is bounded in count and
// time, and the whole run stops by itself (--quick: under 2 minutes).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { banner } from "../scripts/run";
import { findStage } from "../scripts/stages";
import { freePort } from "../tests/support/free-port";
import { testServerEnv } from "../tests/support/server-env";
import { cpuPercent, ProcessSampler } from "./measure/sampler";
import { ensureBuilt } from "./runner/build";
import { installCleanup } from "./runner/children";
import { startTarget } from "./runner/servers";
import { ask, connect, PASSWORD, signUpMany, slowConsumer, type SoakSocket } from "./soak/clients";
import { ProbeProcess, sharedNow } from "./soak/probe";
import { ServerInspector, type LoopReading, type MemoryReading } from "./soak/server-inspector";
import { parseCommandLine } from "../scripts/command-line";

const { values } = parseCommandLine(import.meta.url, {
  options: {
    step: { type: "string", default: "03" },
    quick: { type: "boolean", default: false },
    "no-build": { type: "boolean", default: false },
    phase: { type: "string", multiple: true, default: ["a", "b", "c"] },
    "cpu-profile": { type: "string" },
  },
});

const FULL = {
  rooms: 10_000,
  browsers: 50,
  slowConsumers: 50,
  talkers: 5,
  addresses: 250,
  signInsPerAddress: 3,
  phaseMs: 30_000,
  deadlineMs: 10 * 60_000,
};
const QUICK = {
  rooms: 1_000,
  browsers: 20,
  slowConsumers: 10,
  talkers: 3,
  addresses: 250,
  signInsPerAddress: 1,
  phaseMs: 8_000,
  deadlineMs: 110_000,
};
const config = values.quick ? QUICK : FULL;
const phases = new Set(values.phase);
const unknownPhases = [...phases].filter((phase) => !["a", "b", "c"].includes(phase));
if (unknownPhases.length > 0) throw new Error(`--phase takes a, b or c, not ${unknownPhases.join(", ")}`);

const ROOMS_PER_CREATOR = 50; // step 03's MAX_ROOMS_PER_USER
const CONNECTIONS_PER_CREATOR = 3; // each under the room request burst (20), so creating is not slowed by the limit
const CREATORS_AT_ONCE = 10;
const PROBE_CONNECTIONS = 4; // one account each
const PROBE_INTERVAL_MS = 250; // per connection: under the message rate limits of 5 per second
const REQUEST_INTERVAL_MS = 200; // a browser's pace: the room request rate limit
const SETTLE_MS = 2_000;
/** Sign-ins in flight at once in the login flood: more than the server hashes and queues (PASSWORD_HASHING_LIMIT). */
const LOGIN_FLOOD_CONCURRENCY = 40;
const TOPICS = ["Book", "Chess", "Cooking", "Garden", "Music", "Travel", "Games", "Photo", "Movies", "Running"];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Window {
  phase: string;
  probe: { acks: number; p50: number; p99: number; max: number; timeouts: number };
  /** The server's CPU over the window, in % of one core: its cost of the load, whatever else the machine runs. */
  serverCpuPercent: number;
  maxRssBytes: number;
  memory: MemoryReading;
  server: LoopReading;
  notes: string[];
}

function percentile(sorted: number[], p: number) {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

async function main() {
  installCleanup();
  const startedAt = Date.now();
  setTimeout(() => {
    console.error(`soak: still running after ${config.deadlineMs / 1000} s, stopping`);
    process.exit(1);
  }, config.deadlineMs).unref();

  const stage = findStage(values.step);
  await ensureBuilt(stage, values["no-build"] ? "never" : "auto");
  const [port, inspectorPort] = [await freePort(), await freePort()];
  const url = `http://127.0.0.1:${port}`;
  const env = {
    ...testServerEnv(port),
    TRUSTED_PROXIES: "127.0.0.1,::1",
    NODE_OPTIONS: `--inspect=127.0.0.1:${inspectorPort}`,
  };
  banner(`Soak of ${stage.relativeDir}${values.quick ? " (quick)" : ""}`);
  const server = await startTarget(stage, url, env);
  const pid = server.pid as number;
  const inspector = await ServerInspector.connect(inspectorPort);
  const windows: Window[] = [];
  const sockets: SoakSocket[] = [];

  let created = 0;
  let creatingSeconds = 0;
  try {
    const creators = Math.ceil((config.rooms - 1) / ROOMS_PER_CREATOR); // general is room one
    const runId = Date.now().toString(36);
    console.log(`signing up ${creators + PROBE_CONNECTIONS} accounts…`);
    const accounts = await signUpMany(url, creators + PROBE_CONNECTIONS, `soak-${runId}`);
    const probe = await ProbeProcess.start(url, accounts.slice(creators), PROBE_INTERVAL_MS);

    /** Runs `load` for `durationMs` while sampling RSS, then records the probe's window, the server's loop and heap. */
    async function measure(
      phase: string,
      durationMs: number,
      load: (until: number) => Promise<string[]>,
      collect = false,
    ) {
      await inspector.takeLoopWindow();
      if (values["cpu-profile"]) await inspector.startProfile();
      const sampler = new ProcessSampler(() => [pid], 500).start();
      const from = sharedNow();
      const notes = await load(Date.now() + durationMs);
      const to = sharedNow();
      const server = await inspector.takeLoopWindow();
      if (values["cpu-profile"]) writeProfile(values["cpu-profile"], phase, await inspector.stopProfile());
      const { samples, timeouts, refused } = await probe.take(from, to);
      // A probe that is refused measures nothing: it must stay under every limit.
      if (refused > 0) notes.push(`${refused} probe message(s) REFUSED`);
      const usage = sampler.stop();
      const sorted = samples.sort((a, b) => a - b);
      const window: Window = {
        phase,
        probe: {
          acks: sorted.length,
          p50: percentile(sorted, 0.5),
          p99: percentile(sorted, 0.99),
          max: sorted.at(-1) ?? NaN,
          timeouts,
        },
        serverCpuPercent: cpuPercent(usage, -Infinity, Infinity) ?? NaN,
        maxRssBytes: Math.max(...usage.map((sample) => sample.rssBytes)),
        memory: await inspector.read(collect),
        server,
        notes,
      };
      windows.push(window);
      console.log(
        `  ${phase}: probe p50 ${window.probe.p50.toFixed(1)} ms, p99 ${window.probe.p99.toFixed(1)} ms, ${window.probe.acks} acks; ` +
          `server CPU ${window.serverCpuPercent.toFixed(0)} %, stall max ${server.stallMaxMs.toFixed(0)} ms, GC pause max ${server.gcMaxMs.toFixed(0)} ms; heap ${mb(window.memory.heapUsedBytes)}${notes.length ? `; ${notes.join("; ")}` : ""}`,
      );
    }
    const idle = async (until: number) => {
      await sleep(until - Date.now());
      return [];
    };

    await measure("before: idle, no rooms", config.phaseMs / 2, idle, true);

    if (phases.has("a")) {
      // (a) Rooms: creators in groups, each over a few connections; every new public room is announced to everyone.
      console.log(`creating ${config.rooms - 1} public rooms…`);
      const creatingSince = Date.now();
      let refused = 0;
      for (let first = 0; first < creators; first += CREATORS_AT_ONCE) {
        const group = accounts.slice(first, Math.min(first + CREATORS_AT_ONCE, creators));
        await Promise.all(
          group.map(async (account, offset) => {
            const creator = first + offset;
            const count = Math.min(ROOMS_PER_CREATOR, config.rooms - 1 - creator * ROOMS_PER_CREATOR);
            const connections = await Promise.all(
              Array.from({ length: CONNECTIONS_PER_CREATOR }, () => connect(url, account)),
            );
            await Promise.all(
              Array.from({ length: count }, async (_, i) => {
                const name = `${TOPICS[(creator + i) % TOPICS.length]} ${creator}.${i}`;
                const answer = await ask(connections[i % CONNECTIONS_PER_CREATOR], "create room", {
                  name,
                  kind: "public",
                });
                if (answer.ok) created += 1;
                else refused += 1;
              }),
            );
            connections.forEach((socket) => socket.disconnect());
          }),
        );
      }
      creatingSeconds = (Date.now() - creatingSince) / 1000;
      console.log(`  ${created} rooms created, ${refused} refused, in ${creatingSeconds.toFixed(1)} s`);
      await measure(`rooms: ${created + 1} rooms, idle`, config.phaseMs / 2, idle, true);

      // The browsers connect all at once, a storm of its own: timed apart from the browsing, which starts once it settled.
      const connectingSince = sharedNow();
      const browsers = await Promise.all(accounts.slice(0, config.browsers).map((account) => connect(url, account)));
      const connectedAt = sharedNow();
      sockets.push(...browsers);
      const whileConnecting = (await probe.take(connectingSince, connectedAt)).samples;
      const connecting = `${config.browsers} browsers connected at once in ${(connectedAt - connectingSince).toFixed(0)} ms before the window, the probe's slowest ack meanwhile ${Math.max(0, ...whileConnecting).toFixed(0)} ms`;
      await sleep(SETTLE_MS);
      await measure(`rooms: ${config.browsers} clients browsing`, config.phaseMs, async (until) => {
        const acks: number[] = [];
        let bytes = 0;
        let failures = 0;
        const timed = async (socket: SoakSocket, event: string, payload: unknown) => {
          const sentAt = performance.now();
          const answer = await ask(socket, event, payload);
          acks.push(performance.now() - sentAt);
          bytes += JSON.stringify(answer).length;
          if (!answer.ok) failures += 1;
          await sleep(Math.max(0, REQUEST_INTERVAL_MS - (performance.now() - sentAt)));
          return answer;
        };
        await Promise.all(
          browsers.map(async (socket, b) => {
            for (let round = 0; Date.now() < until; round++) {
              let answer = await timed(socket, "browse rooms", {});
              for (let page = 0; page < 3 && typeof answer.next === "string" && Date.now() < until; page++) {
                answer = await timed(socket, "browse rooms", { cursor: answer.next });
              }
              if (Date.now() >= until) break;
              await timed(socket, "browse rooms", { search: `${TOPICS[(b + round) % TOPICS.length]} ${b}.` });
              await timed(socket, "browse rooms", { search: "nothing has this name" }); // the longest search: no match
              await timed(socket, "list rooms", {});
            }
          }),
        );
        browsers.forEach((socket) => socket.disconnect());
        const sorted = acks.sort((a, b) => a - b);
        return [
          connecting,
          `${sorted.length} browse/list requests, ${failures} refused, ${(bytes / Math.max(1, sorted.length) / 1024).toFixed(1)} KB per answer`,
          `their acks p50 ${percentile(sorted, 0.5).toFixed(1)} ms, p99 ${percentile(sorted, 0.99).toFixed(1)} ms`,
        ];
      });
      await sleep(SETTLE_MS);
      await measure("rooms: after browsing", config.phaseMs / 2, idle, true);
    }

    if (phases.has("b")) {
      // (b) Slow consumers: they stop reading while talkers fill general with maximal messages.
      await measure(
        `slow consumers: ${config.slowConsumers} not reading, ${config.talkers} talking`,
        config.phaseMs,
        async (until) => {
          const slow = await Promise.all(
            accounts.slice(0, config.slowConsumers).map((account) => slowConsumer(url, account)),
          );
          const talkers = await Promise.all(
            accounts
              .slice(config.slowConsumers, config.slowConsumers + config.talkers)
              .map((account) => connect(url, account)),
          );
          sockets.push(...talkers);
          let sent = 0;
          let refusedMessages = 0;
          const text = "x".repeat(2000);
          await Promise.all(
            talkers.map(async (socket) => {
              await ask(socket, "join room", { roomId: "general" });
              while (Date.now() < until) {
                const answer = await ask(socket, "chat message", text);
                if (answer.ok) sent += 1;
                else refusedMessages += 1;
                await sleep(PROBE_INTERVAL_MS);
              }
            }),
          );
          const stillBlocked = await inspector.read();
          slow.forEach((consumer) => consumer.close());
          talkers.forEach((socket) => socket.disconnect());
          return [
            `${sent} messages of 2,000 characters to general (${refusedMessages} refused)`,
            `heap ${mb(stillBlocked.heapUsedBytes)} and RSS ${mb(stillBlocked.rssBytes)} before the slow consumers closed`,
          ];
        },
      );
      await sleep(SETTLE_MS);
      await measure("slow consumers: after", config.phaseMs / 2, idle, true);
    }

    if (phases.has("c")) {
      // (c) A login flood: each address signs in a few times, mostly with a wrong password; every attempt is hashed.
      await measure(`login flood: ${config.addresses} addresses`, config.phaseMs, async (until) => {
        const statuses = new Map<number | string, number>();
        const attempts = Array.from({ length: config.addresses * config.signInsPerAddress }, (_, i) => i);
        const worker = async () => {
          for (let i = attempts.shift(); i !== undefined && Date.now() < until; i = attempts.shift()) {
            const address = i % config.addresses;
            const response = await fetch(`${url}/api/auth/sign-in/email`, {
              method: "POST",
              headers: {
                "content-type": "application/json",
                origin: url,
                "x-forwarded-for": `198.18.${address >> 8}.${address & 255}`,
              },
              body: JSON.stringify({ email: accounts[0].email, password: i % 3 === 2 ? PASSWORD : "wrong-password" }),
              signal: AbortSignal.timeout(15_000),
            }).catch(() => undefined);
            const key = response?.status ?? "no answer";
            statuses.set(key, (statuses.get(key) ?? 0) + 1);
          }
        };
        await Promise.all(Array.from({ length: LOGIN_FLOOD_CONCURRENCY }, worker));
        return [
          `sign-ins by HTTP status: ${[...statuses].map(([status, count]) => `${status} × ${count}`).join(", ")}; ${attempts.length} not sent in time`,
        ];
      });
      await sleep(SETTLE_MS);
      await measure("login flood: after", config.phaseMs / 2, idle, true);
    }
    probe.stop();

    report(stage.stage, windows, { rooms: created + 1, creatingSeconds });
  } finally {
    sockets.forEach((socket) => socket.disconnect());
    inspector.close();
    await server.stop();
  }
  console.log(`soak done in ${((Date.now() - startedAt) / 1000).toFixed(0)} s`);
  process.exit(0);
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Writes a window's CPU profile as DIR/<phase>.cpuprofile (Chrome DevTools and VS Code open it). */
function writeProfile(dir: string, phase: string, profile: string) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${phase.replace(/[^A-Za-z0-9]+/g, "-")}.cpuprofile`), profile);
}

function report(stageName: string, windows: Window[], rooms: { rooms: number; creatingSeconds: number }) {
  const lines = [
    `| phase | probe acks | p50 ms | p99 ms | max ms | timeouts | server CPU | server stall max ms | GC pause max ms | RSS max | heap used |`,
    `|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|`,
    ...windows.map(
      ({ phase, probe, server, serverCpuPercent, maxRssBytes, memory }) =>
        `| ${phase} | ${probe.acks} | ${probe.p50.toFixed(1)} | ${probe.p99.toFixed(1)} | ${probe.max.toFixed(1)} | ${probe.timeouts} | ${serverCpuPercent.toFixed(0)} % | ${server.stallMaxMs.toFixed(0)} | ${server.gcMaxMs.toFixed(0)} | ${mb(maxRssBytes)} | ${mb(memory.heapUsedBytes)} |`,
    ),
  ];
  banner("Soak results");
  console.log(lines.join("\n"));
  for (const window of windows.filter((w) => w.notes.length > 0))
    console.log(`- ${window.phase}: ${window.notes.join("; ")}`);
  const file = fileURLToPath(
    new URL(`results/${stageName}-soak${values.quick ? "-quick" : ""}.tmp.json`, import.meta.url),
  );
  mkdirSync(new URL("results/", import.meta.url), { recursive: true });
  writeFileSync(
    file,
    JSON.stringify({ at: new Date().toISOString(), quick: values.quick, config, rooms, windows }, null, 2),
  );
  console.log(`(results: ${file}; heap "after" rows are after a full garbage collection)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
