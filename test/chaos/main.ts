import { runChaos, runHeavyMixes } from './chaos';

// npm run chaos -- --runs N --seed S [--heavy-seeds N]: the seeded fault run (a failure prints the seed that replays
// it alone), then the heavy fault mixes, each on a 3,000-appointment server, with the --once runs each needed.
function flag(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`chaos: --${name} must be a whole number, not "${process.argv[index + 1] ?? ''}".`);
    process.exit(2);
  }
  return value;
}

const runs = flag('runs', 200);
const seed = flag('seed', Date.now() % 100_000);
const started = Date.now();
const stats = await runChaos({
  runs,
  seed,
  onRun: (index, current) => {
    if ((index + 1) % 25 === 0 || index + 1 === runs)
      console.error(`chaos: ${index + 1}/${runs} runs, ${current.kills} kills, ${current.failures.length} failures`);
  },
});
for (const failure of stats.failures)
  console.log(
    `FAILED run seed ${failure.runSeed}: ${failure.problem}\n  replay: npm run chaos -- --runs 1 --seed ${failure.runSeed}`,
  );
console.log(
  `chaos (seed ${seed}): ${stats.runs} runs, ${stats.kills} mirror processes killed, ${stats.passes} in-process passes (${stats.failedPasses} failed under faults), ${stats.serverChanges} server-side changes, ${stats.faultsInjected} faults injected, ${stats.failures.length} failures, ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
const heavySeeds = flag('heavy-seeds', 3);
let heavyFailures = 0;
if (heavySeeds > 0) {
  console.log(
    `heavy mixes (3,000 appointments, ${heavySeeds} seeds each): --once runs until the mirror equals the server`,
  );
  await runHeavyMixes({
    seeds: heavySeeds,
    onResult: ({ mix, runsNeeded }) => {
      const late = runsNeeded.filter((runs) => runs === null || runs > 3).length;
      heavyFailures += late;
      console.log(
        `  ${mix}: ${runsNeeded.map((runs) => runs ?? 'more than 5').join(', ')}${late ? `  (${late} over 3)` : ''}`,
      );
    },
  });
}
process.exit(stats.failures.length === 0 && heavyFailures === 0 ? 0 : 1);
