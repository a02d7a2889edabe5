/**
 * The rendered strongSwan and FRR configurations, loaded by the real software (Debian's
 * strongswan-swanctl, strongswan-charon and frr; .ci/run installs them). Without them the test
 * fails, unless HANDOFF_DAEMONS=skip says to skip (never silently). Runs as root (charon).
 */
import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { deviceModel, fillFromOutputs, renderFrr, renderSwanctl, SiteModel } from '../../lib/handoff';
import { fakeOutputs, synthJson, variantJson, VPN_EXAMPLES } from './fixtures';

const CHARON = '/usr/lib/ipsec/charon';
const SWANCTL = '/usr/sbin/swanctl';
const VTYSH = '/usr/bin/vtysh';
const VICI = '/var/run/charon.vici';
const installed = [CHARON, SWANCTL, VTYSH].every((f) => fs.existsSync(f));
const skip = process.env.HANDOFF_DAEMONS === 'skip';

jest.setTimeout(120_000);

if (!installed && !skip) {
  test('strongSwan and FRR are installed', () => {
    throw new Error(`${[CHARON, SWANCTL, VTYSH].filter((f) => !fs.existsSync(f)).join(', ')} missing: apt-get install -y strongswan-swanctl strongswan-charon frr (or HANDOFF_DAEMONS=skip to skip on purpose)`);
  });
}

const maybe = installed ? describe : describe.skip;
if (!installed && skip) console.warn('HANDOFF_DAEMONS=skip: strongSwan/FRR tests skipped');

/** Loads a swanctl.conf into the running charon; the connections it loaded, and everything it said. */
export function swanctlLoad(file: string): { loaded: string[]; failed: string[]; output: string; summary?: string } {
  const r = spawnSync(SWANCTL, ['--load-all', '--file', file], { encoding: 'utf8' });
  const output = `${r.stdout}\n${r.stderr}`;
  return {
    loaded: [...output.matchAll(/^loaded connection '([^']+)'/gm)].map((m) => m[1]),
    failed: [...output.matchAll(/^loading connection '([^']+)' failed: (.*)$/gm)].map((m) => `${m[1]}: ${m[2]}`),
    output,
    summary: /^(successfully loaded \d+ connections.*|loaded \d+ of \d+ connections.*|no connections found.*)$/m.exec(output)?.[1],
  };
}

/** Every IKE connection name a rendered swanctl.conf must load: one per Azure instance. */
const expectedConnections = (site: SiteModel): string[] => site.instances.map((i) => `${site.key}-azure${i.index}`);

function frrDryRun(file: string): { status: number | null; output: string } {
  const r = spawnSync(VTYSH, ['--dryrun', '-f', file], { encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

maybe('real strongSwan and FRR accept every generated configuration', () => {
  let charon: ChildProcess | undefined;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-daemons-'));
    const pidFile = '/var/run/charon.pid';
    const running = fs.existsSync(pidFile) && (() => {
      try {
        process.kill(Number(fs.readFileSync(pidFile, 'utf8')), 0);
        return true;
      } catch {
        return false;
      }
    })();
    if (!running) charon = spawn(CHARON, [], { stdio: 'ignore' });
    // A socket file may be left from an earlier charon: wait until swanctl really talks to this one.
    const answers = (): boolean => spawnSync(SWANCTL, ['--stats'], { encoding: 'utf8' }).status === 0;
    for (let i = 0; i < 100 && !answers(); i++) await new Promise((r) => setTimeout(r, 100));
    if (!answers()) throw new Error(`charon does not answer on ${VICI} (run as root)`);
  });

  afterAll(async () => {
    if (charon?.pid) {
      const exited = new Promise((r) => charon!.once('exit', r));
      charon.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 5000)))]);
      clearTimeout(timer);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const cases: [string, () => Record<string, any>][] = [
    ...VPN_EXAMPLES.map(([name]) => [name, () => synthJson(name)] as [string, () => Record<string, any>]),
    ['site-to-site-vpn variant (APIPA, policy-based selectors, NAT, AES-CBC without PFS)', variantJson],
  ];

  test.each(cases)('%s: swanctl --load-all loads every connection; vtysh --dryrun accepts frr.conf', (_name, json) => {
    const model = deviceModel(json());
    expect(model.sites.length).toBeGreaterThan(0);
    const filled = fillFromOutputs(model, fakeOutputs(model));
    filled.sites.forEach((site, i) => {
      expect(site.problems).toEqual([]);
      const swan = path.join(dir, `${site.key}.swanctl.conf`);
      fs.writeFileSync(swan, renderSwanctl(site, i + 1));
      const result = swanctlLoad(swan);
      expect({ site: site.key, failed: result.failed, loaded: result.loaded.sort() }).toEqual({ site: site.key, failed: [], loaded: expectedConnections(site).sort() });
      expect(result.summary).toMatch(new RegExp(`^successfully loaded ${site.instances.length} connections`));
      const frr = path.join(dir, `${site.key}.frr.conf`);
      fs.writeFileSync(frr, renderFrr(site));
      expect({ site: site.key, ...frrDryRun(frr) }).toEqual({ site: site.key, status: 0, output: expect.any(String) });
    });
  });

  describe('a broken configuration fails the same checks', () => {
    const site = (): SiteModel => {
      const model = deviceModel(synthJson('site-to-site-vpn'));
      return fillFromOutputs(model, fakeOutputs(model)).sites.find((s) => s.key === 'vpngateway-lyon')!;
    };

    test('a wrong proposal name: charon refuses the connection', () => {
      const file = path.join(dir, 'bad-proposal.conf');
      fs.writeFileSync(file, renderSwanctl(site()).replace(/esp_proposals = aes256gcm16-ecp384/g, 'esp_proposals = aes256gcm16-ecp385'));
      const result = swanctlLoad(file);
      expect(result.loaded).toEqual([]);
      expect(result.failed).toEqual(expect.arrayContaining([expect.stringContaining('invalid value for: esp_proposals')]));
      expect(result.loaded.sort()).not.toEqual(expectedConnections(site()).sort());
    });

    test('a broken block: swanctl exits 0 but loads nothing, so the check fails', () => {
      const file = path.join(dir, 'bad-block.conf');
      fs.writeFileSync(file, renderSwanctl(site()).replace(/\n    }\n/, '\n\n'));
      const result = swanctlLoad(file);
      expect(result.output).toContain('syntax error');
      expect(result.loaded).toEqual([]);
    });

    test('a wrong FRR line: vtysh --dryrun exits non-zero and names the line', () => {
      const file = path.join(dir, 'bad-frr.conf');
      fs.writeFileSync(file, renderFrr(site()).replace('ebgp-multihop 255', 'ebgp-multihop 999'));
      const result = frrDryRun(file);
      expect(result.status).not.toBe(0);
      expect(result.output).toContain('ebgp-multihop 999');
    });
  });
});
