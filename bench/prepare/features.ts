// Which preparation each stage feature needs. A stage's features come from its workshop.json (the same manifest
// the browser tests read); a feature missing here stops the benchmark with a message saying where to add it.
import { authPreparation } from "./auth";
import type { FeaturePreparation } from "./feature-preparation";
import { integrationsPreparation } from "./integrations";
import { roomsPreparation } from "./rooms";

const NOTHING_TO_PREPARE: FeaturePreparation = {};

export const FEATURE_PREPARATIONS: Readonly<Record<string, FeaturePreparation>> = {
  shell: NOTHING_TO_PREPARE,
  chat: NOTHING_TO_PREPARE,
  auth: authPreparation,
  rooms: roomsPreparation,
  // Markdown is rendered in the browser; the server relays the source as before (and looks for @mentions).
  "rich-text": NOTHING_TO_PREPARE,
  integrations: integrationsPreparation,
};

/** The preparations for a stage's features, or an error naming every feature the benchmark cannot handle. */
export function preparationsFor(features: readonly string[]): FeaturePreparation[] {
  const problems: string[] = [];
  const preparations: FeaturePreparation[] = [];
  for (const feature of features) {
    const preparation = FEATURE_PREPARATIONS[feature] as FeaturePreparation | undefined;
    if (!preparation) {
      problems.push(`feature "${feature}" is unknown to the benchmark: add it to bench/prepare/features.ts`);
    } else if (preparation.unsupported) {
      problems.push(`feature "${feature}": ${preparation.unsupported}`);
    } else {
      preparations.push(preparation);
    }
  }
  if (problems.length > 0) throw new Error(`Cannot benchmark this stage yet:\n  ${problems.join("\n  ")}`);
  return preparations;
}

/** Runs every feature's afterConnect for one freshly connected client, in manifest order. */
export async function prepareConnectedSocket(
  preparations: readonly FeaturePreparation[],
  socket: Parameters<NonNullable<FeaturePreparation["afterConnect"]>>[0],
) {
  for (const preparation of preparations) await preparation.afterConnect?.(socket);
}
