import { App, TerraformStack } from 'cdktf';
import { EXAMPLES } from '../../examples/all';
import { HybridChecks } from '../../lib';
import { annotationsAfterSynth } from '../util';

// The examples are what users copy: with the rule pack on, none gives a warning or an error at
// synth (a warning that does not apply is acknowledged in the example, with its reason).
describe('examples', () => {
  const app = new App({ outdir: require('fs').mkdtempSync(require('path').join(require('os').tmpdir(), 'warn-')) });
  for (const [name, Stack] of EXAMPLES) new Stack(app, name);
  HybridChecks.addTo(app);
  const stacks = app.node.findAll().filter((n): n is TerraformStack => TerraformStack.isStack(n));

  test.each(stacks.map((s) => [s.node.id, s] as [string, TerraformStack]))('%s: no warning and no error at synth', (_name, stack) => {
    const notes = annotationsAfterSynth(stack).filter(([level]) => level !== 'info');
    expect(notes).toEqual([]);
  });
});
