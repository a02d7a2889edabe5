import { Token } from 'cdktf';
import { IPSEC_POLICY } from './defaults';
import { VPN_IPSEC_GCM, VPN_IPSEC_LIFETIME, VPN_IPSEC_VALUE } from './rules';
import { ProblemCollector } from '../core/errors';

/**
 * A custom IPsec/IKE policy. Values are Azure's names; see
 * https://learn.microsoft.com/azure/vpn-gateway/ipsec-ike-policy-howto.
 */
export interface IpsecPolicy {
  /** IKE (phase 1) encryption: AES128, AES192, AES256, GCMAES128, GCMAES256 (DES, DES3 are refused). */
  readonly ikeEncryption: string;
  /** IKE integrity: SHA256, SHA384, GCMAES128, GCMAES256 (MD5, SHA1 are refused). */
  readonly ikeIntegrity: string;
  /** DH group: DHGroup14, DHGroup2048, DHGroup24, ECP256, ECP384. */
  readonly dhGroup: string;
  /** IPsec (phase 2) encryption: AES128, AES192, AES256, GCMAES128, GCMAES192, GCMAES256. */
  readonly ipsecEncryption: string;
  /** IPsec integrity: SHA256, GCMAES128, GCMAES192, GCMAES256; must equal `ipsecEncryption` for GCM. */
  readonly ipsecIntegrity: string;
  /** PFS group: None, PFS2048, PFS14, PFS24, PFSMM, ECP256, ECP384. */
  readonly pfsGroup: string;
  /**
   * IPsec SA lifetime in seconds, 300-172799.
   * @default 27000
   */
  readonly saLifetimeSeconds?: number;
  /**
   * IPsec SA lifetime in kilobytes, 1024-2147483647, or 0 for none.
   * @default 102400000
   */
  readonly saDataSizeKilobytes?: number;
}

/** The library's default policy: IKEv2 AES256/SHA384/ECP384, IPsec GCMAES256, PFS ECP384. */
export const DEFAULT_IPSEC_POLICY: IpsecPolicy = IPSEC_POLICY;

// Azure's accepted values (weak ones such as DES, MD5, SHA1, DHGroup1/2, PFS1/2 are left out on
// purpose). Source: MicrosoftDocs/azure-docs includes/vpn-gateway-faq-ipsecikepolicy-include.md.
const ALLOWED: [keyof IpsecPolicy, string[]][] = [
  ['ikeEncryption', ['AES128', 'AES192', 'AES256', 'GCMAES128', 'GCMAES256']],
  ['ikeIntegrity', ['SHA256', 'SHA384', 'GCMAES128', 'GCMAES256']],
  ['dhGroup', ['DHGroup14', 'DHGroup2048', 'DHGroup24', 'ECP256', 'ECP384']],
  ['ipsecEncryption', ['AES128', 'AES192', 'AES256', 'GCMAES128', 'GCMAES192', 'GCMAES256']],
  ['ipsecIntegrity', ['SHA256', 'GCMAES128', 'GCMAES192', 'GCMAES256']],
  ['pfsGroup', ['None', 'PFS2048', 'PFS14', 'PFS24', 'PFSMM', 'ECP256', 'ECP384']],
];

/** Records the problems of a policy under `ipsecPolicy.<field>` (tokens pass). */
export function validatePolicy(problems: ProblemCollector, policy: IpsecPolicy): void {
  for (const [field, values] of ALLOWED) {
    problems.required(`ipsecPolicy.${field}`, policy[field], 'string');
    problems.oneOf(VPN_IPSEC_VALUE, `ipsecPolicy.${field}`, policy[field] as string | undefined, values, `use one of ${values.join(', ')} (weak algorithms are refused)`);
  }
  const enc = policy.ipsecEncryption;
  const integ = policy.ipsecIntegrity;
  if (typeof enc === 'string' && typeof integ === 'string' && !Token.isUnresolved(enc) && !Token.isUnresolved(integ)) {
    problems.check(
      (enc.startsWith('GCMAES') || integ.startsWith('GCMAES')) && enc !== integ,
      VPN_IPSEC_GCM,
      'ipsecPolicy.ipsecIntegrity',
      integ,
      `IPsec encryption ${enc} and integrity ${integ}: with GCMAES both must be the same GCMAES algorithm`,
      enc.startsWith('GCMAES') ? `set \`ipsecIntegrity\` to ${enc}` : `set \`ipsecEncryption\` to ${integ}, or use SHA256 integrity`,
    );
  }
  problems.integer(VPN_IPSEC_LIFETIME, 'ipsecPolicy.saLifetimeSeconds', policy.saLifetimeSeconds, 300, 172799, 'use e.g. 27000');
  if (policy.saDataSizeKilobytes !== 0) {
    problems.integer(VPN_IPSEC_LIFETIME, 'ipsecPolicy.saDataSizeKilobytes', policy.saDataSizeKilobytes, 1024, 2147483647, 'use e.g. 102400000, or 0 for none');
  }
}
