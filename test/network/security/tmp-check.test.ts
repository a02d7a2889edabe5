import { Testing } from 'cdktf';
import { SecureHubStack } from '../../../examples/secure-hub';
import { HybridChecks } from '../../../lib';
import { annotationsAfterSynth } from '../../util';
test('check', () => {
  const app = Testing.app();
  const s = new SecureHubStack(app, 'secure-hub');
  HybridChecks.addTo(app);
  const a = annotationsAfterSynth(s).filter(([l]) => l !== 'info');
  console.log(a.map((x) => x.join(' | ').slice(0, 260)).join('\n'));
});
