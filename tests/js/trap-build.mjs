// The test-only embed whose core traps on a magic input (cargo feature
// trap-test), built into target/trap-test/ for the trap-recovery tests of
// every browser. Cargo's own lock and cache make a second call cheap.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Builds target/trap-test/loyalty-calculator.js under `root`, the repository. */
export function buildTrapTest(root) {
  const cargo = ['build', '--lib', '--release', '--target', 'wasm32-unknown-unknown', '--features', 'trap-test', '--target-dir', join(root, 'target/trap-test')];
  execFileSync('cargo', cargo, { cwd: root, stdio: 'pipe' });
  execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), 'trap-test'], { cwd: root, stdio: 'pipe' });
  assert.ok(existsSync(join(root, 'target/trap-test/loyalty-calculator.js')));
}
