/**
 * Azure's IPsec/IKE names mapped to the names each on-premises platform uses.
 *
 * Azure's names and groups: MicrosoftDocs/azure-docs includes/vpn-gateway-faq-ipsecikepolicy-include.md
 * ("Which Diffie-Hellman groups does the custom policy support?": DHGroup14/DHGroup2048 and PFS2048
 * are group 14, DHGroup24/PFS24 group 24, ECP256 group 19, ECP384 group 20; "IKEv2 Main Mode SA
 * lifetime is fixed at 28,800 seconds"; with GCMAES the IPsec integrity is the same GCMAES algorithm).
 * PFS14 is group 14 (MicrosoftDocs/azure-docs articles/virtual-wan/virtual-wan-ipsec.md, same table).
 * PFSMM has no group in either table: it is refused (no configuration is rendered for it).
 *
 * Target names: strongSwan's proposal keywords (docs.strongswan.org "IKEv2 Cipher Suites":
 * aes256, aes256gcm16, sha256, sha384, prfsha384, modp2048, modp2048s256, ecp256, ecp384), Cisco
 * IOS XE `crypto ikev2 proposal` / `crypto ipsec transform-set`, Junos `security ike|ipsec proposal`,
 * PAN-OS crypto profiles and FortiOS phase1/phase2-interface proposals.
 */

/** One Azure DH/PFS group: its IANA number and strongSwan keyword. */
interface Group { readonly number: number; readonly strongswan: string }

const DH: Record<string, Group> = {
  DHGroup1: { number: 1, strongswan: 'modp768' },
  DHGroup2: { number: 2, strongswan: 'modp1024' },
  DHGroup14: { number: 14, strongswan: 'modp2048' },
  DHGroup2048: { number: 14, strongswan: 'modp2048' },
  DHGroup24: { number: 24, strongswan: 'modp2048s256' },
  ECP256: { number: 19, strongswan: 'ecp256' },
  ECP384: { number: 20, strongswan: 'ecp384' },
};

const PFS: Record<string, Group | null> = {
  None: null,
  PFS1: { number: 1, strongswan: 'modp768' },
  PFS2: { number: 2, strongswan: 'modp1024' },
  PFS2048: { number: 14, strongswan: 'modp2048' },
  PFS14: { number: 14, strongswan: 'modp2048' },
  PFS24: { number: 24, strongswan: 'modp2048s256' },
  ECP256: { number: 19, strongswan: 'ecp256' },
  ECP384: { number: 20, strongswan: 'ecp384' },
};

/** Encryption: key bits and whether it is AES-GCM (AEAD, no separate integrity). */
interface Cipher { readonly bits: number; readonly gcm: boolean }

const CIPHERS: Record<string, Cipher> = {
  AES128: { bits: 128, gcm: false },
  AES192: { bits: 192, gcm: false },
  AES256: { bits: 256, gcm: false },
  GCMAES128: { bits: 128, gcm: true },
  GCMAES192: { bits: 192, gcm: true },
  GCMAES256: { bits: 256, gcm: true },
};

const HASHES: Record<string, number> = { SHA256: 256, SHA384: 384 };

/** The policy of one connection, in Azure's names (as in `ipsec_policy`). */
export interface AzurePolicy {
  readonly ikeEncryption: string;
  readonly ikeIntegrity: string;
  readonly dhGroup: string;
  readonly ipsecEncryption: string;
  readonly ipsecIntegrity: string;
  readonly pfsGroup: string;
  /** IPsec SA lifetime in seconds. */
  readonly saLifetimeSeconds: number;
  /** IPsec SA lifetime in kilobytes (0: none). */
  readonly saDataSizeKilobytes: number;
}

/** Azure's IKE (main mode) SA lifetime: fixed, not configurable. */
export const AZURE_IKE_LIFETIME_SECONDS = 28800;

/** A policy resolved into parts every renderer can use. */
export interface ResolvedPolicy {
  readonly azure: AzurePolicy;
  readonly ike: { readonly cipher: Cipher; readonly hash: number; readonly dh: Group };
  readonly esp: { readonly cipher: Cipher; readonly hash?: number; readonly pfs: Group | null };
}

/** Resolves a policy, or returns the reasons it cannot be rendered (unknown or unsupported names). */
export function resolvePolicy(p: AzurePolicy): ResolvedPolicy | string[] {
  const problems: string[] = [];
  const need = <T>(table: Record<string, T>, field: keyof AzurePolicy, what: string): T | undefined => {
    const v = table[String(p[field])];
    if (v === undefined) problems.push(`${what} ${String(p[field])} has no equivalent here (known: ${Object.keys(table).join(', ')})`);
    return v;
  };
  const ikeCipher = need(CIPHERS, 'ikeEncryption', 'IKE encryption');
  const dh = need(DH, 'dhGroup', 'DH group');
  const espCipher = need(CIPHERS, 'ipsecEncryption', 'IPsec encryption');
  const pfs = need(PFS, 'pfsGroup', 'PFS group');
  // IKE integrity doubles as the PRF: with GCMAES IKE encryption Azure still names SHA256/SHA384 or GCMAES*.
  const ikeHash = HASHES[p.ikeIntegrity] ?? (p.ikeIntegrity.startsWith('GCMAES') ? 256 : undefined);
  if (ikeHash === undefined) problems.push(`IKE integrity ${p.ikeIntegrity} has no equivalent here (known: SHA256, SHA384, GCMAES128, GCMAES256)`);
  let espHash: number | undefined;
  if (espCipher && !espCipher.gcm) {
    espHash = HASHES[p.ipsecIntegrity];
    if (espHash === undefined) problems.push(`IPsec integrity ${p.ipsecIntegrity} has no equivalent here (known with AES-CBC: SHA256)`);
  } else if (espCipher?.gcm && p.ipsecIntegrity !== p.ipsecEncryption) {
    problems.push(`IPsec encryption ${p.ipsecEncryption} needs the same integrity, not ${p.ipsecIntegrity}`);
  }
  if (problems.length > 0 || !ikeCipher || !dh || !espCipher || pfs === undefined || ikeHash === undefined) return problems;
  return { azure: p, ike: { cipher: ikeCipher, hash: ikeHash, dh }, esp: { cipher: espCipher, hash: espHash, pfs } };
}

// ---- strongSwan (swanctl.conf proposals) ----

/** IKE proposal, e.g. `aes256-sha384-ecp384` or `aes256gcm16-prfsha384-ecp384`. */
export function strongswanIke(r: ResolvedPolicy): string {
  const c = r.ike.cipher;
  return c.gcm ? `aes${c.bits}gcm16-prfsha${r.ike.hash}-${r.ike.dh.strongswan}` : `aes${c.bits}-sha${r.ike.hash}-${r.ike.dh.strongswan}`;
}

/** ESP proposal, e.g. `aes256gcm16-ecp384` (the PFS group last; none without PFS). */
export function strongswanEsp(r: ResolvedPolicy): string {
  const c = r.esp.cipher;
  const base = c.gcm ? `aes${c.bits}gcm16` : `aes${c.bits}-sha${r.esp.hash}`;
  return r.esp.pfs ? `${base}-${r.esp.pfs.strongswan}` : base;
}

// ---- Cisco IOS XE ----

export function ciscoIke(r: ResolvedPolicy): { encryption: string; integrity?: string; prf: string; group: number } {
  const c = r.ike.cipher;
  return c.gcm
    ? { encryption: `aes-gcm-${c.bits}`, prf: `sha${r.ike.hash}`, group: r.ike.dh.number }
    : { encryption: `aes-cbc-${c.bits}`, integrity: `sha${r.ike.hash}`, prf: `sha${r.ike.hash}`, group: r.ike.dh.number };
}

/** Transform set, e.g. `esp-gcm 256` or `esp-aes 256 esp-sha256-hmac`. */
export function ciscoTransform(r: ResolvedPolicy): string {
  const c = r.esp.cipher;
  return c.gcm ? `esp-gcm ${c.bits}` : `esp-aes ${c.bits} esp-sha${r.esp.hash}-hmac`;
}

// ---- Juniper Junos (SRX) ----

export function junosIke(r: ResolvedPolicy): { encryption: string; authentication?: string; group: string } {
  const c = r.ike.cipher;
  return { encryption: `aes-${c.bits}-${c.gcm ? 'gcm' : 'cbc'}`, authentication: c.gcm ? undefined : `sha-${r.ike.hash}`, group: `group${r.ike.dh.number}` };
}

export function junosEsp(r: ResolvedPolicy): { encryption: string; authentication?: string; pfs?: string } {
  const c = r.esp.cipher;
  return {
    encryption: `aes-${c.bits}-${c.gcm ? 'gcm' : 'cbc'}`,
    authentication: c.gcm ? undefined : `hmac-sha-${r.esp.hash}-128`,
    pfs: r.esp.pfs ? `group${r.esp.pfs.number}` : undefined,
  };
}

// ---- Palo Alto PAN-OS ----

export function panosIke(r: ResolvedPolicy): { encryption: string; hash: string; group: string } {
  const c = r.ike.cipher;
  return { encryption: `aes-${c.bits}-${c.gcm ? 'gcm' : 'cbc'}`, hash: `sha${r.ike.hash}`, group: `group${r.ike.dh.number}` };
}

export function panosEsp(r: ResolvedPolicy): { encryption: string; authentication: string; group: string } {
  const c = r.esp.cipher;
  return {
    encryption: `aes-${c.bits}-${c.gcm ? 'gcm' : 'cbc'}`,
    authentication: c.gcm ? 'none' : `sha${r.esp.hash}`,
    group: r.esp.pfs ? `group${r.esp.pfs.number}` : 'no-pfs',
  };
}

/** PAN-OS takes a lifesize of at most 65535 in one unit: the largest unit that holds the value (rounded down, so the device rekeys first). */
export function panosLifesize(kilobytes: number): string | undefined {
  if (!kilobytes) return undefined;
  for (const [unit, factor] of [['kb', 1], ['mb', 1024], ['gb', 1024 ** 2], ['tb', 1024 ** 3]] as const) {
    const v = Math.floor(kilobytes / factor);
    if (v >= 1 && v <= 65535) return `${unit} ${v}`;
  }
  return 'tb 65535';
}

// ---- Fortinet FortiOS ----

export function fortiIke(r: ResolvedPolicy): { proposal: string; dhgrp: number } {
  const c = r.ike.cipher;
  return { proposal: c.gcm ? `aes${c.bits}gcm-prfsha${r.ike.hash}` : `aes${c.bits}-sha${r.ike.hash}`, dhgrp: r.ike.dh.number };
}

export function fortiEsp(r: ResolvedPolicy): { proposal: string; dhgrp?: number } {
  const c = r.esp.cipher;
  return { proposal: c.gcm ? `aes${c.bits}gcm` : `aes${c.bits}-sha${r.esp.hash}`, dhgrp: r.esp.pfs?.number };
}
