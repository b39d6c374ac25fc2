// The probe's own process: started by ProbeProcess (probe.ts), it runs one Probe and answers over the IPC channel.
import { Probe, type ProbeAnswer, type ProbeRequest } from "./probe";

let probe: Probe | undefined;
const answer = (message: ProbeAnswer) => process.send?.(message);

process.on("message", (request: ProbeRequest) => {
  const handled =
    request.type === "start"
      ? Probe.start(request.url, request.accounts, request.intervalMs).then((started) => {
          probe = started;
          answer({ type: "started" });
        })
      : request.type === "take"
        ? (probe as Probe).take(request.from, request.to).then((window) => answer({ type: "window", window }))
        : Promise.resolve().then(() => {
            probe?.stop();
            process.disconnect();
          });
  handled.catch((error: unknown) =>
    answer({ type: "failed", message: error instanceof Error ? error.message : String(error) }),
  );
});

// The soak stopped, or died, without saying so: nothing else keeps this process.
process.on("disconnect", () => {
  probe?.stop();
  process.exit(0);
});
