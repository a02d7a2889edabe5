import { DeviceFile, renderHandoffHtml } from './html';
import { deviceModel, fillFromOutputs, HandoffModel, SiteModel, withoutKeys } from './model';
import { renderFrr, renderSwanctl } from './strongswan';
import { renderCiscoIosXe, renderFortiGate, renderJuniperSrx, renderPaloAlto } from './vendors';

export { deviceModel, fillFromOutputs } from './model';
export type { HandoffModel, SiteModel, Value } from './model';
export { renderFrr, renderSwanctl } from './strongswan';
export { renderCiscoIosXe, renderFortiGate, renderJuniperSrx, renderPaloAlto } from './vendors';
export { renderHandoffHtml, markdownToHtml, substituteNames } from './html';

/** Every device configuration of a site, strongSwan + FRR first. */
export function deviceFiles(site: SiteModel, siteIndex: number): DeviceFile[] {
  return [
    { label: 'strongSwan (Linux)', file: `${site.key}/swanctl.conf`, text: renderSwanctl(site, siteIndex) },
    { label: 'FRR BGP/static routes (Linux)', file: `${site.key}/frr.conf`, text: renderFrr(site) },
    { label: 'Cisco IOS XE', file: `${site.key}/cisco-iosxe.txt`, text: renderCiscoIosXe(site) },
    { label: 'Juniper SRX', file: `${site.key}/juniper-srx.txt`, text: renderJuniperSrx(site) },
    { label: 'Palo Alto PAN-OS', file: `${site.key}/paloalto.txt`, text: renderPaloAlto(site) },
    { label: 'FortiGate', file: `${site.key}/fortigate.txt`, text: renderFortiGate(site) },
  ];
}

/** Input of {@link buildHandoff}. */
export interface HandoffInput {
  readonly stack: string;
  /** The stack's synthesized Terraform JSON. */
  readonly config: Record<string, any>;
  readonly runbook?: string;
  readonly svg?: string;
  readonly mermaid?: string;
  /** `terraform output -json`, parsed; without it the after-apply values stay placeholders. */
  readonly outputs?: Record<string, any>;
}

/** The files of a hand-off: the page and every device configuration (those with a key are `secret`). */
export interface HandoffResult {
  readonly model: HandoffModel;
  readonly html: string;
  readonly files: { readonly path: string; readonly text: string; readonly secret: boolean }[];
}

/** The page (never holding a key) and the device configurations (holding the key when outputs were given). */
export function buildHandoff(input: HandoffInput): HandoffResult {
  const model = input.outputs ? fillFromOutputs(deviceModel(input.config), input.outputs) : deviceModel(input.config);
  const pageModel = withoutKeys(model);
  const devices: Record<string, DeviceFile[]> = {};
  const files: HandoffResult['files'][number][] = [];
  model.sites.forEach((site, i) => {
    devices[site.key] = deviceFiles(pageModel.sites[i], i + 1);
    const secret = site.sharedKey.text !== undefined;
    for (const f of deviceFiles(site, i + 1)) files.push({ path: f.file, text: f.text, secret });
  });
  const html = renderHandoffHtml({ stack: input.stack, model: pageModel, runbook: input.runbook, svg: input.svg, mermaid: input.mermaid, devices, filled: input.outputs !== undefined });
  return { model, html, files };
}
